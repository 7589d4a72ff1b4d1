using System.Diagnostics;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// The server as the image ships it (deploy/Dockerfile: published, ReadyToRun, framework-dependent),
/// so that start to ready is measured on what runs in a cluster, not on the build output.
/// </summary>
internal static class PublishedServer
{
    public static async Task<string> PublishAsync(string repository)
    {
        var output = Directory.CreateTempSubdirectory("stackblaze-published-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(repository, "src", "StackBlaze.Webhook", "StackBlaze.Webhook.csproj"),
            "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:UseAppHost=false", "-o", output,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed: {await log}{errors}");
        }
        return Path.Combine(output, "stackblaze-webhook.dll");
    }
}
