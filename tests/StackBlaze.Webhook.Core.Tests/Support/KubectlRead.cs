using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A manifest file as kubectl reads it (sigs.k8s.io/yaml over go-yaml v2): <c>kubectl annotate
/// --local -o json</c> decodes the file as <c>kubectl apply</c> does and prints the JSON, offline.
/// </summary>
internal static class KubectlRead
{
    private const string Kubectl = "/usr/bin/kubectl";

    /// <summary>The object, with one annotation added (annotate needs one to add).</summary>
    public static async Task<JsonNode> ReadAsync(string file)
    {
        var start = new ProcessStartInfo(Kubectl)
        {
            ArgumentList = { "annotate", "--local", "-f", file, "-o", "json", "stackblaze.io/read-by=kubectl" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A missing file: kubectl must not pick up a developer's cluster configuration.
        start.Environment["KUBECONFIG"] = Path.Combine(Path.GetTempPath(), "stackblaze-no-kubeconfig");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Kubectl} did not start");
        // Guards against a hung process only; nothing asserts on how long kubectl takes.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode == 0
            ? JsonNode.Parse(await stdout) ?? throw new InvalidOperationException("kubectl printed JSON null")
            : throw new InvalidOperationException($"kubectl annotate exited {process.ExitCode}: {(await stderr).Trim()}");
    }
}
