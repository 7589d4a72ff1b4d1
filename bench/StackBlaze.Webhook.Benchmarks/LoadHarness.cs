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
        ("null", BenchServer.NullPath, false),
        // The ceiling for Deployments: their bodies parse slower than pods' of the same size (about 12%).
        (NullDeployment, BenchServer.NullPath, true),
        ("mutate", "/mutate", false),
        ("validate-pod", "/validate", false),
        ("validate-deployment", "/validate", true),
    ];

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

        var startup = new List<double>();
        var serverDll = await PublishedServer.PublishAsync(repository);
        for (var i = 0; i < 5; i++)
        {
            startup.Add((await StartupProbe.MeasureAsync(serverDll, catalog)).TotalMilliseconds);
        }

        await using var server = await ServerProcess.StartAsync(catalog);
        foreach (var (name, path, deployment) in Endpoints)
        {
            await WrkRunner.RunAsync(server.Url, path, bodies[(deployment, 16)], 16, TimeSpan.FromSeconds(2), name, 16);
        }
        var idleMb = server.ResidentMegabytes();
        using var gc = new GcCounter(server.Url, server.CaFile);
        var gen2Before = await gc.Gen2CollectionsAsync();
        var loadClock = System.Diagnostics.Stopwatch.StartNew();

        var results = new List<LoadResult>();
        var peakMb = idleMb;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakMb = Math.Max(peakMb, server.ResidentMegabytes());
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
                        var result = await WrkRunner.RunAsync(server.Url, path, bodies[(deployment, size)], connections, duration, name, size);
                        results.Add(result);
                        Console.WriteLine($"round {round} {name,-20} {size,3} KB {connections,3} conn: {result.RequestsPerSecond,9:F0} req/s p50 {result.P50Ms:F2} ms p99 {result.P99Ms:F2} ms errors {result.Errors}");
                    }
                }
            }
        }
        await sampling.CancelAsync();
        await sampler;
        var gen2 = await gc.Gen2CollectionsAsync() - gen2Before;

        Directory.CreateDirectory(outputFolder);
        var table = Report.Table(results, startup, idleMb, peakMb, duration, rounds)
            + $"Gen 2 collections in the server during the {loadClock.Elapsed.TotalSeconds:F0} s of load: {gen2}.\n";
        await File.WriteAllTextAsync(Path.Combine(outputFolder, "results.md"), table);
        await Report.PlotAsync(results, Path.Combine(outputFolder, "latency.png"));
        Console.WriteLine(table);
        return 0;
    }

    private static Dictionary<(bool Deployment, int SizeKb), string> WriteBodies()
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
