using System.Diagnostics;
using System.Globalization;
using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve</c> under sustained load over HTTPS: no errors, and the server's counts match the
/// client's. Throughput, latency and memory are printed, not asserted: on a shared machine they
/// are figures for docs/hardening.md, not pass or fail. 5 s here; <c>STACKBLAZE_SOAK_SECONDS=60</c>
/// runs the longer soak.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Workers = 16;

    [Fact]
    public async Task Sustained_load_over_https_has_no_errors_and_every_answer_counted()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("STACKBLAZE_SOAK_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 5;
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());
        var mutate = Reviews.Load("frontend-pod-create.json").ToJsonString();
        var validate = Reviews.Load("worker-deployment-create.json").ToJsonString();
        var latencies = new List<double>[Workers];
        var errors = 0;
        var mutations = 0;

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var warmUp = Task.Delay(TimeSpan.FromSeconds(seconds / 5.0));
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var (path, body) = i % 2 == 0 ? ("/mutate", mutate) : ("/validate", validate);
                if (i % 2 == 0)
                {
                    Interlocked.Increment(ref mutations);
                }
                using var answer = await client.PostAsync(path, Reviews.Json(body));
                var text = await answer.Content.ReadAsStringAsync();
                if (!answer.IsSuccessStatusCode || !text.Contains("\"uid\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await warmUp;
        var warmRss = server.ResidentBytes;
        await Task.WhenAll(workers);
        var endRss = server.ResidentBytes;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var scrape = await MetricsScrape.TakeAsync(client);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds} s, {Workers} workers: {all.Length} requests ({all.Length / (double)seconds:F0}/s), {errors} errors; "
            + $"latency p50 {all[all.Length / 2]:F2} ms, p99 {all[(int)(all.Length * 0.99)]:F2} ms, max {all[^1]:F1} ms; "
            + $"RSS {warmRss / 1048576} MiB after warm-up, {endRss / 1048576} MiB at the end"));
        errors.Should().Be(0);
        scrape[MetricsScrape.Requests("mutate", "CREATE", "patched")].Should().Be(mutations, "the server counted every answer");
        scrape[MetricsScrape.Requests("validate", "CREATE", "error")].Should().Be(0);
    }
}
