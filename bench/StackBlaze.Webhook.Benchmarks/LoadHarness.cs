using System.Globalization;
using System.Text;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// The whole comparison in one run on one machine: the null webhook and ours, side by side, per
/// pod size and connection count, in interleaved rounds so that machine noise hits all alike.
/// </summary>
internal static class LoadHarness
{
    private static readonly int[] Connections = [1, 16, 64];

    public const string NullDeployment = "null-deployment";

    private static readonly (string Name, string Path, bool Deployment)[] Endpoints =
    [
        ("null", BenchServer.BenchServer.NullPath, false),
        // The ceiling for Deployments: their bodies parse slower than pods' of the same size (about 12%).
        (NullDeployment, BenchServer.BenchServer.NullPath, true),
        ("mutate", "/mutate", false),
        ("validate-pod", "/validate", false),
        ("validate-deployment", "/validate", true),
    ];

    /// <summary>The rows the targets are about, also run on the JIT: what native AOT costs or gains.</summary>
    private static readonly int[] JitSizesKb = [3, 16];

    private const int JitConnections = 16;

    private static readonly (string Name, string Path, bool Deployment)[] JitEndpoints =
        [.. Endpoints.Where(e => e.Name is "null" or "mutate" or "validate-pod")];

    public static async Task<int> RunAsync(string repository, TimeSpan duration, int rounds, string outputFolder)
    {
        foreach (var tool in new[] { "wrk", "gnuplot" })
        {
            if (!OnPath(tool))
            {
                await Console.Error.WriteLineAsync($"bench: {tool} is not installed; install it with: apt-get install wrk gnuplot-nox");
                return 2;
            }
        }
        var catalog = Path.Combine(repository, "deploy", "examples", "shop");
        var bodies = WriteBodies();

        var product = await PublishedServer.PublishNativeAsync(
            Path.Combine(repository, "src", "StackBlaze.Webhook", "StackBlaze.Webhook.csproj"), "stackblaze-webhook");
        var benchServer = await PublishedServer.NativeBenchServerAsync(repository);
        var startup = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            startup.Add((await StartupProbe.MeasureAsync(product, catalog)).TotalMilliseconds);
        }

        await using var server = await ServerProcess.StartAsync(benchServer, catalog);
        await using var jit = await ServerProcess.StartAsync(ServerProgram.JitBenchServer, catalog);
        foreach (var (name, path, deployment) in Endpoints)
        {
            await WrkRunner.RunAsync(server, path, bodies[(deployment, 16)], 16, TimeSpan.FromSeconds(2), name, 16);
        }
        foreach (var (name, path, deployment) in JitEndpoints)
        {
            // The JIT needs longer to reach its optimized code (tiering, then dynamic PGO).
            await WrkRunner.RunAsync(jit, path, bodies[(deployment, 16)], 16, TimeSpan.FromSeconds(5), name, 16);
        }
        var memory = new[] { new MemoryPeak(server), new MemoryPeak(jit) };
        using var gc = new GcCounter(server.Url, server.CaFile);
        var gen2Before = await gc.Gen2CollectionsAsync();
        var loadClock = System.Diagnostics.Stopwatch.StartNew();

        var results = new List<LoadResult>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                Array.ForEach(memory, m => m.Sample());
                await Task.Delay(200);
            }
        });
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var size in Payloads.SizesKb)
            {
                foreach (var connections in Connections)
                {
                    foreach (var (name, path, deployment) in Endpoints)
                    {
                        results.Add(Print(round, await WrkRunner.RunAsync(server, path, bodies[(deployment, size)], connections, duration, name, size)));
                    }
                    if (connections == JitConnections && JitSizesKb.Contains(size))
                    {
                        foreach (var (name, path, deployment) in JitEndpoints)
                        {
                            results.Add(Print(round, await WrkRunner.RunAsync(jit, path, bodies[(deployment, size)], connections, duration, name, size)));
                        }
                    }
                }
            }
        }
        await sampling.CancelAsync();
        await sampler;
        var gen2 = await gc.Gen2CollectionsAsync() - gen2Before;

        Directory.CreateDirectory(outputFolder);
        var table = Report.Table(results, startup, memory, duration, rounds)
            + $"Gen 2 collections in the native server during the {loadClock.Elapsed.TotalSeconds:F0} s of load: {gen2}.\n";
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "results.md"), table);
        await Report.PlotAsync(results.Where(r => r.Build == server.Build).ToList(), Path.Combine(outputFolder, "latency.png"));
        Console.WriteLine(table);
        return 0;
    }

    private static LoadResult Print(int round, LoadResult result)
    {
        Console.WriteLine($"round {round} {result.Build,-6} {result.Endpoint,-20} {result.SizeKb,3} KB {result.Connections,3} conn: "
            + $"{result.RequestsPerSecond,9:F0} req/s p50 {result.P50Ms:F2} ms p99 {result.P99Ms:F2} ms errors {result.Errors}");
        return result;
    }

    internal static Dictionary<(bool Deployment, int SizeKb), string> WriteBodies()
    {
        var folder = Directory.CreateTempSubdirectory("stackblaze-bench-").FullName;
        var bodies = new Dictionary<(bool, int), string>();
        foreach (var size in Payloads.SizesKb)
        {
            bodies[(false, size)] = Write(folder, $"pod-{size}kb.json", Payloads.PodReview(size));
            bodies[(true, size)] = Write(folder, $"deployment-{size}kb.json", Payloads.DeploymentReview(size));
        }
        return bodies;
    }

    private static string Write(string folder, string name, string content)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, content, new UTF8Encoding(false));
        return file;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
