using System.CommandLine;
using StackBlaze.Webhook.Core.Conventions;
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
    private readonly HostStyleOptions? _hosts;

    /// <param name="command">The command the options join.</param>
    /// <param name="required">False when another source (a cluster) may stand in for <c>-f</c>: that source's options then say what is missing.</param>
    /// <param name="namesHosts">False for a command whose output names no Service host: it then takes no <c>--host-style</c>.</param>
    public ManifestOptions(Command command, bool required = true, bool namesHosts = true)
    {
        // -f a.yaml b.yaml: every word up to the next option.
        _files.AllowMultipleArgumentsPerToken = _catalog.AllowMultipleArgumentsPerToken = true;
        command.Options.Add(_files);
        command.Options.Add(_catalog);
        command.Options.Add(_namespace);
        _hosts = namesHosts ? new HostStyleOptions(command) : null;
        command.Validators.Add(result =>
        {
            if (required && result.GetResult(_files) is null)
            {
                result.AddError($"{command.Name} needs -f PATH (a file, a folder, or - for standard input)");
            }
        });
    }

    public Option<string[]> Files => _files;

    public Option<string[]> Catalog => _catalog;

    public Option<string> Namespace => _namespace;

    /// <summary>How pods name Services (<c>--host-style</c>), for a catalog read from elsewhere than files.</summary>
    public ServiceHosts Hosts(ParseResult parsed) => _hosts?.Read(parsed) ?? ServiceHosts.Internal;

    public ManifestInput Read(ParseResult parsed, TextReader stdin)
    {
        var defaultNamespace = parsed.GetRequiredValue(_namespace);
        // One budget for both, so that --catalog cannot double what a command reads.
        var budget = new ReadBudget();
        var documents = ManifestReader.ReadAll(parsed.GetRequiredValue(_files), stdin, budget);
        var extra = ManifestReader.ReadAll(parsed.GetValue(_catalog) ?? [], stdin, budget);
        return new ManifestInput(documents, ManifestCatalog.FromDocuments(extra.Concat(documents), defaultNamespace, Hosts(parsed)), defaultNamespace)
        {
            CatalogDocuments = extra,
        };
    }
}
