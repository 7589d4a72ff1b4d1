using System.CommandLine;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine;

/// <summary><c>inject</c>, as <c>istioctl kube-inject</c>: its description says what it does.</summary>
internal sealed class InjectCommand : Command
{
    public InjectCommand(TextReader stdin)
        : base("inject", "Prints the manifests with the links' variables injected, as the webhook would inject them.")
    {
        var manifests = new ManifestOptions(this);
        SetAction(parsed => Run(manifests.Read(parsed, stdin), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
    }

    private static int Run(ManifestInput input, TextWriter stdout, TextWriter stderr)
    {
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
