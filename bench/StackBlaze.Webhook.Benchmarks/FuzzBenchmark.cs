using System.Collections.Concurrent;
using System.Diagnostics;
using StackBlaze.Webhook.Tests.Support.Fuzzing;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// docs/hardening.md's mutated-review figures: the 10,000 cases of <c>HostileReviewTests</c> (the
/// same seed, so the same bytes) sent to the native bench server 8 at a time, in two halves: the
/// answers by status, and the resident memory after each half, which a leak would make grow.
/// </summary>
internal static class FuzzBenchmark
{
    private const int Parallel = 8;

    public static async Task<int> RunAsync(string repository)
    {
        await using var server = await ServerProcess.StartAsync(
            await PublishedServer.NativeBenchServerAsync(repository), Path.Combine(repository, "deploy", "examples", "shop"));
        using var client = TrustingClient.Create(server.CaFile);
        client.BaseAddress = server.Url;
        client.Timeout = TimeSpan.FromSeconds(60);
        var mutator = ReviewMutator.FromFolder(FuzzRun.FixedSeed, BenchReviews.Folder(repository));
        var statuses = new ConcurrentDictionary<string, int>();
        var idle = server.ResidentMegabytes();

        var clock = Stopwatch.StartNew();
        await SendAsync(client, mutator, 0, FuzzRun.AllCases / 2, statuses);
        var afterFirst = server.ResidentMegabytes();
        await SendAsync(client, mutator, FuzzRun.AllCases / 2, FuzzRun.AllCases, statuses);
        var afterSecond = server.ResidentMegabytes();

        Console.WriteLine($"native server, {Environment.ProcessorCount} CPUs, seed {FuzzRun.FixedSeed}, {FuzzRun.AllCases:N0} cases {Parallel} at a time in {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"answers: {string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value:N0}"))}");
        Console.WriteLine($"resident {idle:F0} MB idle, {afterFirst:F0} MB after the first {FuzzRun.AllCases / 2:N0} cases, {afterSecond:F0} MB after the second");
        return 0;
    }

    private static Task SendAsync(HttpClient client, ReviewMutator mutator, int from, int to, ConcurrentDictionary<string, int> statuses) =>
        System.Threading.Tasks.Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, cancel) =>
        {
            using var request = BenchReviews.Post("/mutate", mutator.Create(i).Body);
            string status;
            try
            {
                using var answer = await client.SendAsync(request, cancel);
                await answer.Content.ReadAsByteArrayAsync(cancel);
                status = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                status = "no answer";
            }
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        });
}
