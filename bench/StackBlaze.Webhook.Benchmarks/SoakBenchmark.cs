using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// docs/hardening.md's soak: the native bench server under 16 workers that send <c>/mutate</c> (a
/// pod with two links) and <c>/validate</c> (a Deployment that is denied) in turn, back to back over
/// keep-alive HTTPS: requests, errors, client-side latency, and resident memory after the first
/// fifth (warm-up) and at the end. <c>SoakTests</c> checks the same load for errors only.
/// </summary>
internal static class SoakBenchmark
{
    private const int Workers = 16;

    public static async Task<int> RunAsync(string repository, TimeSpan duration)
    {
        await using var server = await ServerProcess.StartAsync(
            await PublishedServer.NativeBenchServerAsync(repository), Path.Combine(repository, "deploy", "examples", "shop"));
        using var client = TrustingClient.Create(server.CaFile);
        client.BaseAddress = server.Url;
        var mutate = Encoding.UTF8.GetBytes(BenchReviews.Load(repository, "frontend-pod-create.json"));
        var validate = Encoding.UTF8.GetBytes(BenchReviews.Load(repository, "worker-deployment-create.json"));
        var latencies = new List<double>[Workers];
        var errors = 0;

        using var stop = new CancellationTokenSource(duration);
        var warmUp = Task.Delay(duration / 5);
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = BenchReviews.Post(i % 2 == 0 ? "/mutate" : "/validate", i % 2 == 0 ? mutate : validate);
                using var answer = await client.SendAsync(request);
                var text = await answer.Content.ReadAsStringAsync();
                if (!answer.IsSuccessStatusCode || !text.Contains("\"uid\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await warmUp;
        var warm = server.ResidentMegabytes();
        await Task.WhenAll(workers);
        var end = server.ResidentMegabytes();
        var all = latencies.SelectMany(l => l).Order().ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"native server, {Environment.ProcessorCount} CPUs, {duration.TotalSeconds:F0} s, {Workers} workers: {all.Length:N0} requests ({all.Length / duration.TotalSeconds:F0}/s), {errors} errors; "
            + $"latency p50 {all[all.Length / 2]:F2} ms, p99 {all[(int)(all.Length * 0.99)]:F2} ms, max {all[^1]:F1} ms; "
            + $"resident {warm:F0} MB after warm-up, {end:F0} MB at the end"));
        return errors == 0 ? 0 : 1;
    }
}
