using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>Runs wrk (keep-alive HTTP/1.1 over TLS, latency per request) and reads the JSON line its script prints.</summary>
internal static class WrkRunner
{
    public static async Task<LoadResult> RunAsync(ServerProcess server, string path, string bodyFile, int connections, TimeSpan duration, string endpoint, int sizeKb)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s",
            "--timeout", "10s",
            "-s", Path.Combine(AppContext.BaseDirectory, "wrk", "post.lua"),
            new Uri(server.Url, path).ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BODY_FILE"] = bodyFile;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"wrk printed no figures: {output} {await wrk.StandardError.ReadToEndAsync()}");
        var figures = JsonNode.Parse(line)!;
        var requests = figures["requests"]!.GetValue<long>();
        var seconds = figures["duration_us"]!.GetValue<long>() / 1e6;
        return new LoadResult(
            server.Build,
            endpoint,
            sizeKb,
            connections,
            requests / seconds,
            figures["p50_us"]!.GetValue<double>() / 1000,
            figures["p99_us"]!.GetValue<double>() / 1000,
            figures["p999_us"]!.GetValue<double>() / 1000,
            figures["socket_errors"]!.GetValue<long>() + figures["status_errors"]!.GetValue<long>());
    }
}
