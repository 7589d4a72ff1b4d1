using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>
/// <c>serve</c> under sustained load over HTTPS: no errors, and the server's counts match the
/// client's. Throughput, latency and memory under the same load are the benchmark's
/// (<c>-- soak</c>, docs/hardening.md): on a shared machine they measure the neighbours as much as the server.
/// </summary>
public sealed class SoakTests
{
    private const int Workers = 16;

    /// <summary>How long the load lasts; not a bound on anything.</summary>
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sustained_load_over_https_has_no_errors_and_every_answer_counted()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());
        var mutate = Reviews.Load("frontend-pod-create.json").ToJsonString();
        var validate = Reviews.Load("worker-deployment-create.json").ToJsonString();
        var errors = 0;
        var mutations = 0;

        using var stop = new CancellationTokenSource(Load);
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
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
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var scrape = await MetricsScrape.TakeAsync(client);

        errors.Should().Be(0);
        scrape[MetricsScrape.Requests("mutate", "CREATE", "patched")].Should().Be(mutations, "the server counted every answer");
        scrape[MetricsScrape.Requests("validate", "CREATE", "error")].Should().Be(0);
    }
}
