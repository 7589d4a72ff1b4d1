using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// docs/hardening.md's hostile-input table: each review of the hostile-tenant tests sent to the
/// native server, as the image ships it, under the heap cap deploy/base/deployment.yaml sets; then
/// all of them four at a time, and thousands of new annotations, for the peak resident memory.
/// </summary>
internal static class HostileBenchmark
{
    private const int Calls = 7;
    private const int Rounds = 4;
    private const int NewAnnotations = 3000;

    /// <param name="repository">Where the catalog and the server's project are.</param>
    /// <param name="heapMib">The heap cap to run the server under, as deploy/base/deployment.yaml sets it.</param>
    public static async Task<int> RunAsync(string repository, int heapMib)
    {
        var catalog = Directory.CreateTempSubdirectory("stackblaze-hostile-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "deploy", "examples", "shop"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(catalog, Path.GetFileName(file)));
        }
        await File.WriteAllTextAsync(Path.Combine(catalog, "crowded.yaml"), HostileReviews.CrowdedNamespaceYaml());
        var program = await PublishedServer.NativeBenchServerAsync(repository);
        var heapCap = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = (heapMib * 1024L * 1024).ToString("X", CultureInfo.InvariantCulture) };
        await using var server = await ServerProcess.StartAsync(program, catalog, heapCap);
        using var client = TrustingClient.Create(server.CaFile);
        client.BaseAddress = server.Url;
        client.Timeout = TimeSpan.FromSeconds(60);

        var ordinary = Payloads.PodReview(3);
        for (var i = 0; i < 500; i++)
        {
            await SendAsync(client, HostileReviews.Mutate, ordinary);
        }
        var idle = server.ResidentMegabytes();
        Console.WriteLine($"native server, heap cap {heapMib} MiB (DOTNET_GCHeapHardLimit), {Environment.ProcessorCount} CPUs; resident {idle:F0} MB idle");
        Console.WriteLine();
        Console.WriteLine("| review | path | request | answer | median | slowest | resident after |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        await RowAsync(server, client, "ordinary 3 KB pod with two links", HostileReviews.Mutate, _ => ordinary);
        var faults = 0;
        foreach (var hostile in HostileReviews.All)
        {
            faults += await RowAsync(server, client, hostile.Name, hostile.Path, hostile.Body);
        }

        var peak = server.ResidentMegabytes();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMegabytes());
                await Task.Delay(50);
            }
        });
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            await Parallel.ForEachAsync(HostileReviews.All.Select((hostile, i) => (hostile, variant: 1000 + round * 100 + i)),
                new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
                {
                    if (!(await SendAsync(client, item.hostile.Path, item.hostile.Body(item.variant))).Answered)
                    {
                        Interlocked.Increment(ref faults);
                    }
                });
        }
        var hostileSeconds = clock.Elapsed.TotalSeconds;
        await Parallel.ForEachAsync(Enumerable.Range(0, NewAnnotations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var review = HostileReviews.NewValidAnnotation(i);
            foreach (var path in new[] { HostileReviews.Mutate, HostileReviews.Validate })
            {
                if (!(await SendAsync(client, path, review)).Answered)
                {
                    Interlocked.Increment(ref faults);
                }
            }
        });
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine();
        Console.WriteLine($"{Rounds} rounds of every hostile review, 4 at a time ({hostileSeconds:F1} s), then {NewAnnotations:N0} new annotations to /mutate and /validate: "
            + $"peak resident {peak:F0} MB, {server.ResidentMegabytes():F0} MB at the end; answers that were not a review, or a fault of ours: {faults}");
        Directory.Delete(catalog, recursive: true);
        return 0;
    }

    /// <returns>1 when any call was not answered with a review, else 0.</returns>
    private static async Task<int> RowAsync(ServerProcess server, HttpClient client, string name, string path, Func<int, string> body)
    {
        var times = new List<double>();
        var answerBytes = 0;
        var requestBytes = 0;
        var faulted = false;
        for (var variant = 0; variant < Calls; variant++)
        {
            var review = body(variant);
            requestBytes = Encoding.UTF8.GetByteCount(review);
            var clock = Stopwatch.StartNew();
            var (answered, bytes) = await SendAsync(client, path, review);
            times.Add(clock.Elapsed.TotalMilliseconds);
            answerBytes = bytes;
            faulted |= !answered;
        }
        times.Sort();
        Console.WriteLine($"| {name} | {path} | {Size(requestBytes)} | {Size(answerBytes)} | {times[times.Count / 2]:F1} ms | {times[^1]:F1} ms | {server.ResidentMegabytes():F0} MB |{(faulted ? " not answered" : "")}");
        return faulted ? 1 : 0;
    }

    private static async Task<(bool Answered, int Bytes)> SendAsync(HttpClient client, string path, string review)
    {
        using var content = new StringContent(review, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var answer = await client.PostAsync(path, content);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        // A fault of ours is a review that denies with code 500.
        var answered = answer.IsSuccessStatusCode && !Encoding.UTF8.GetString(bytes).Contains("\"code\":500", StringComparison.Ordinal);
        return (answered, bytes.Length);
    }

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:F1} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:F0} KiB" : $"{bytes} B";
}
