using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// <c>inject -f PATH... [--catalog PATH] [-n NAMESPACE]</c>: prints the manifests with the links'
/// variables injected, as the webhook would inject them; like <c>istioctl kube-inject</c>.
/// </summary>
internal static class InjectCommand
{
    public const string Usage = "stackblaze-webhook inject -f PATH... [--catalog PATH] [-n NAMESPACE]";

    private static readonly Dictionary<string, string?> Options = new()
    {
        ["filename"] = "-f",
        ["catalog"] = null,
        ["namespace"] = "-n",
    };

    private static readonly HashSet<string> Lists = ["filename", "catalog"];

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = ManifestInput.Read(new ParsedArguments(args, Options, Lists), "inject", stdin);
        var report = InjectedManifests.Inject(input.Documents, input.Catalog, input.DefaultNamespace);
        foreach (var warning in report.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }
        foreach (var error in report.Errors)
        {
            stderr.WriteLine($"error: {error}");
        }
        if (report.Errors.Count > 0)
        {
            return Cli.ExitFailed;
        }
        stdout.Write(report.Yaml);
        return Cli.ExitOk;
    }
}
