using System.CommandLine;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// What the offline commands read: the manifests of <c>-f</c>, and the catalog they describe
/// together with those of <c>--catalog</c>, objects without a namespace in <c>-n</c>'s.
/// </summary>
internal sealed class ManifestOptions
{
    private readonly Option<string[]> _files = Cli.Described<string[]>(
        "--filename", "PATH", "Manifests: YAML or JSON files, folders (recursively), or - for standard input.", "-f");
    private readonly Option<string[]> _catalog = Cli.Described<string[]>(
        "--catalog", "PATH", "More manifests whose Services, Ingresses, ConfigMaps and Namespaces join the catalog.");
    private readonly Option<string> _namespace = Cli.NamespaceOption();
    private readonly HostStyleOptions _hosts;

    public ManifestOptions(Command command)
    {
        // -f a.yaml b.yaml: every word up to the next option.
        _files.AllowMultipleArgumentsPerToken = _catalog.AllowMultipleArgumentsPerToken = true;
        command.Options.Add(_files);
        command.Options.Add(_catalog);
        command.Options.Add(_namespace);
        _hosts = new HostStyleOptions(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_files) is null)
            {
                result.AddError($"{command.Name} needs -f PATH (a file, a folder, or - for standard input)");
            }
        });
    }

    public ManifestInput Read(ParseResult parsed, TextReader stdin)
    {
        var defaultNamespace = parsed.GetRequiredValue(_namespace);
        // One budget for both, so that --catalog cannot double what a command reads.
        var budget = new ReadBudget();
        var documents = ManifestReader.ReadAll(parsed.GetRequiredValue(_files), stdin, budget);
        var extra = ManifestReader.ReadAll(parsed.GetValue(_catalog) ?? [], stdin, budget);
        return new ManifestInput(documents, ManifestCatalog.FromDocuments(extra.Concat(documents), defaultNamespace, _hosts.Read(parsed)), defaultNamespace);
    }
}
