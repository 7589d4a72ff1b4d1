using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// A program published as the image publishes the product (deploy/Dockerfile: native AOT for this
/// architecture), so that what is measured is what runs in a cluster, not the build output.
/// </summary>
internal static class PublishedServer
{
    /// <returns>The native executable.</returns>
    public static async Task<string> PublishNativeAsync(string project, string executableName)
    {
        var output = Directory.CreateTempSubdirectory("stackblaze-published-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output })
        {
            start.ArgumentList.Add(argument);
        }
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed: {await log}{errors}");
        }
        return Path.Combine(output, executableName);
    }

    /// <summary>The bench server (the product's server plus the null webhook), published native.</summary>
    public static async Task<ServerProgram> NativeBenchServerAsync(string repository) => ServerProgram.Native(await PublishNativeAsync(
        Path.Combine(repository, "bench", "StackBlaze.Webhook.BenchServer", "StackBlaze.Webhook.BenchServer.csproj"), "StackBlaze.Webhook.BenchServer"));
}
