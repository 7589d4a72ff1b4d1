using System.CommandLine;
using k8s;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Core.Explanation;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// What a command reads from a live cluster instead of the files of <c>-f</c>: <c>--kubeconfig</c>
/// (and <c>--context</c>), and the namespace of <c>-n</c> (else the context's), or every project with <c>-A</c>.
/// </summary>
internal sealed class ClusterOptions
{
    private readonly Option<string?> _kubeconfig = Cli.Described<string?>(
        "--kubeconfig", "FILE", "Read a cluster instead of -f: the project namespace of -n (else the context's), or every project with -A.");
    private readonly Option<string?> _context = Cli.Described<string?>("--context", "NAME", "With --kubeconfig: the context to use; its current one by default.");
    private readonly Option<bool> _allNamespaces = new("--all-namespaces", "-A") { Description = "With --kubeconfig: every project namespace." };
    private readonly Option<string> _namespace;

    public ClusterOptions(Command command, ManifestOptions manifests)
    {
        _namespace = manifests.Namespace;
        _namespace.Description += " With --kubeconfig: the namespace to read.";
        command.Options.Add(_kubeconfig);
        command.Options.Add(_context);
        command.Options.Add(_allNamespaces);
        command.Validators.Add(result =>
        {
            var fromCluster = result.GetResult(_kubeconfig) is not null;
            var error = (fromCluster, result.GetResult(manifests.Files) is not null) switch
            {
                (true, true) => $"{command.Name} reads -f PATH or --kubeconfig FILE, not both",
                (false, false) => $"{command.Name} needs -f PATH (a file, a folder, or - for standard input) or --kubeconfig FILE",
                (false, true) when result.GetResult(_context) is not null || result.GetResult(_allNamespaces) is not null => "--context and -A need --kubeconfig FILE",
                (true, _) when result.GetResult(manifests.Catalog) is not null => "--catalog is for -f: with --kubeconfig the catalog is the cluster's",
                (true, _) when result.GetResult(_allNamespaces) is not null && IsGiven(result.GetResult(_namespace)) => "-n and -A cannot be used together",
                _ => null,
            };
            if (error is not null)
            {
                result.AddError(error);
            }
        });
    }

    /// <summary>Whether the command line reads a cluster rather than files.</summary>
    public bool ReadsCluster(ParseResult parsed) => parsed.GetResult(_kubeconfig) is not null;

    /// <summary>Whether the command line being validated reads a cluster.</summary>
    public bool ReadsCluster(System.CommandLine.Parsing.CommandResult result) => result.GetResult(_kubeconfig) is not null;

    /// <summary>
    /// The project namespaces the command line names, read from the cluster, with the running pods of
    /// <paramref name="podsOf"/> if given; a <see cref="ClusterException"/> when it cannot be.
    /// </summary>
    public async Task<ClusterSnapshot> ReadAsync(ParseResult parsed, CancellationToken cancellationToken, ExplainTarget? podsOf = null)
    {
        var connection = KubernetesConnection.Resolve(parsed.GetValue(_kubeconfig), parsed.GetValue(_context));
        var namespaceName = parsed.GetValue(_allNamespaces) ? null
            : IsGiven(parsed.GetResult(_namespace)) ? parsed.GetRequiredValue(_namespace)
            : connection.Namespace ?? Cli.DefaultNamespace;
        using var client = new Kubernetes(connection);
        return await new ClusterReader(client).ReadAsync(namespaceName, cancellationToken, podsOf);
    }

    // Typed on the command line, not the option's default.
    private static bool IsGiven(System.CommandLine.Parsing.OptionResult? result) => result is { Implicit: false };
}
