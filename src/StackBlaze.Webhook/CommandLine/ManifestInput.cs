using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// What the offline commands read: the manifests of <c>-f</c>, and the catalog they describe
/// together with those of <c>--catalog</c>, objects without a namespace in <c>-n</c>'s.
/// </summary>
internal sealed record ManifestInput(IReadOnlyList<ManifestDocument> Documents, IProjectCatalog Catalog, string DefaultNamespace)
{
    public static ManifestInput Read(ParsedArguments parsed, string command, TextReader stdin)
    {
        var paths = parsed.Values("filename");
        if (paths.Count == 0)
        {
            throw new UsageException($"{command} needs -f PATH (a file, a folder, or - for standard input)");
        }
        var defaultNamespace = parsed.Value("namespace") ?? Cli.DefaultNamespace;
        // One budget for both, so that --catalog cannot double what a command reads.
        var budget = new ReadBudget();
        var documents = ManifestReader.ReadAll(paths, stdin, budget);
        var extra = ManifestReader.ReadAll(parsed.Values("catalog"), stdin, budget);
        return new ManifestInput(documents, ManifestCatalog.FromDocuments(extra.Concat(documents), defaultNamespace), defaultNamespace);
    }
}
