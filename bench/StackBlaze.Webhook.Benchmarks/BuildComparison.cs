using System.Globalization;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// This build's server against another build's (a bench server published from an earlier commit),
/// side by side: the same reviews, the two servers taking turns, so that the shared machine's
/// noise falls on both alike. Reports each build's median throughput and the ratio.
/// </summary>
internal static class BuildComparison
{
    private const int Connections = 16;
    private static readonly int[] SizesKb = [3, 16];
    private static readonly (string Name, string Path)[] Endpoints = [("mutate", "/mutate"), ("validate-pod", "/validate")];

    /// <param name="repository">Where this build's bench server and the catalog are.</param>
    /// <param name="baselineExecutable">The other build's bench server, published native.</param>
    /// <param name="duration">How long each turn lasts.</param>
    /// <param name="rounds">How many turns each build gets per row.</param>
    public static async Task<int> RunAsync(string repository, string baselineExecutable, TimeSpan duration, int rounds)
    {
        var catalog = Path.Combine(repository, "deploy", "examples", "shop");
        var bodies = LoadHarness.WriteBodies();
        var current = await PublishedServer.NativeBenchServerAsync(repository);
        await using var baseline = await ServerProcess.StartAsync(ServerProgram.Native(baselineExecutable), catalog);
        await using var candidate = await ServerProcess.StartAsync(current, catalog);
        ServerProcess[] servers = [baseline, candidate];

        Console.WriteLine($"{rounds} turns of {duration.TotalSeconds:F0} s each, {Connections} connections; req/s medians, this build over the baseline");
        Console.WriteLine("| endpoint | size | baseline | this build | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (name, path) in Endpoints)
        {
            foreach (var size in SizesKb)
            {
                var rates = new List<double>[] { [], [] };
                foreach (var server in servers)
                {
                    await WrkRunner.RunAsync(server, path, bodies[(false, size)], Connections, TimeSpan.FromSeconds(2), name, size);
                }
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < servers.Length; i++)
                    {
                        // Which build goes first alternates, so neither always gets the quieter moment.
                        var turn = (i + round) % servers.Length;
                        rates[turn].Add((await WrkRunner.RunAsync(servers[turn], path, bodies[(false, size)], Connections, duration, name, size)).RequestsPerSecond);
                    }
                }
                var (old, now) = (Median(rates[0]), Median(rates[1]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {size} KB | {old:N0} | {now:N0} | {now / old:0.00}x |"));
            }
        }
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
