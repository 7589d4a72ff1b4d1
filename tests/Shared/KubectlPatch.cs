using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Applies a patch with <c>kubectl patch --local --type=json</c>: the same Go json-patch library the
/// API server uses, so the strictest judge short of a cluster. Runs offline; no kubeconfig is read.
/// </summary>
internal static class KubectlPatch
{
    private const string Kubectl = "/usr/bin/kubectl";

    /// <summary>The patched object as kubectl prints it; throws with kubectl's message when it refuses the patch.</summary>
    public static async Task<JsonNode> ApplyAsync(JsonNode original, byte[] patchUtf8)
    {
        var folder = Directory.CreateTempSubdirectory("stackblaze-kubectl-");
        try
        {
            var objectFile = Path.Combine(folder.FullName, "object.json");
            var patchFile = Path.Combine(folder.FullName, "patch.json");
            await File.WriteAllTextAsync(objectFile, original.ToJsonString());
            await File.WriteAllBytesAsync(patchFile, patchUtf8);

            // kubectl hides managedFields unless asked; they are part of the object we compare.
            var start = new ProcessStartInfo(Kubectl)
            {
                ArgumentList = { "patch", "--local", "-f", objectFile, "--type=json", "--patch-file", patchFile, "-o", "json", "--show-managed-fields" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // A missing file: kubectl must not pick up a developer's cluster configuration.
            start.Environment["KUBECONFIG"] = Path.Combine(folder.FullName, "no-kubeconfig");

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Kubectl} did not start");
            // Guards against a hung process only; nothing asserts on how long kubectl takes.
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
            var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
            await process.WaitForExitAsync(cancel.Token);

            if (process.ExitCode != 0)
            {
                throw new KubectlPatchException($"kubectl patch exited {process.ExitCode}: {(await stderr).Trim()}");
            }
            return JsonNode.Parse(await stdout) ?? throw new KubectlPatchException("kubectl printed JSON null");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
