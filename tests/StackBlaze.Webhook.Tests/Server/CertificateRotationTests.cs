using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Server;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Server;

/// <summary>The real server over TLS while its certificate files are renewed under it, as cert-manager and the kubelet do.</summary>
public sealed class CertificateRotationTests(TwoCertificateSets sets) : IClassFixture<TwoCertificateSets>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Renewed_certificate_reaches_new_connections_while_requests_in_a_loop_all_succeed()
    {
        using var volume = SecretVolume.Create(sets.First.CertFile, sets.First.KeyFile);
        var time = new FakeTimeProvider();
        using var reloader = ServingCertificateReloader.Load(volume.CertFile, volume.KeyFile, time);
        reloader.Start(new FakeLogger(), Period);
        await using var app = await StartAsync(volume, reloader);
        var port = new Uri(app.Urls.Single()).Port;
        var trusted = new[] { sets.First.CaFile, sets.Second.CaFile };
        var oldThumbprint = Thumbprint(sets.First.CertFile);
        var newThumbprint = Thumbprint(sets.Second.CertFile);

        // One client makes a new connection for every request, so each request is a handshake;
        // the other keeps one connection open throughout, as the API server does.
        var handshakes = new ConcurrentQueue<string>();
        using var reconnecting = ServiceNameClient.Create(port, trusted, handshakes, newConnectionPerRequest: true);
        using var keepAlive = ServiceNameClient.Create(port, trusted);
        using var stop = new CancellationTokenSource();
        var loops = new[] { SendInALoopAsync(reconnecting, stop.Token), SendInALoopAsync(keepAlive, stop.Token) };

        await WaitUntilAsync(() => handshakes.Count(t => t == oldThumbprint) >= 3, "handshakes with the first certificate");
        volume.Update(sets.Second.CertFile, sets.Second.KeyFile);
        time.Advance(Period);
        await WaitUntilAsync(() => handshakes.Count(t => t == newThumbprint) >= 3, "handshakes with the renewed certificate");
        await stop.CancelAsync();
        var results = await Task.WhenAll(loops);

        results.Should().AllSatisfy(r => r.Failures.Should().BeEmpty());
        results.Should().AllSatisfy(r => r.Succeeded.Should().BePositive());
        handshakes.SkipWhile(t => t == oldThumbprint).Should().OnlyContain(t => t == newThumbprint, "no handshake goes back to the old certificate");
        var fresh = new ConcurrentQueue<string>();
        using var newClient = ServiceNameClient.Create(port, [sets.Second.CaFile], fresh);
        (await newClient.GetAsync("/healthz")).EnsureSuccessStatusCode();
        fresh.Should().Equal(newThumbprint);
    }

    private sealed record LoopResult(int Succeeded, IReadOnlyList<string> Failures);

    private static async Task<LoopResult> SendInALoopAsync(HttpClient client, CancellationToken stop)
    {
        var succeeded = 0;
        var failures = new List<string>();
        var review = Reviews.Load("frontend-pod-create.json");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // Not cancelled by stop: a request once sent must complete.
                using var answer = await client.PostAsync("/mutate", review);
                if (answer.IsSuccessStatusCode)
                {
                    succeeded++;
                }
                else
                {
                    failures.Add($"HTTP {(int)answer.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
        }
        return new LoopResult(succeeded, failures);
    }

    private static async Task<WebApplication> StartAsync(SecretVolume volume, ServingCertificateReloader reloader)
    {
        var options = new ServeOptions(new Uri("https://127.0.0.1:0"), volume.CertFile, volume.KeyFile, RepositoryPaths.ShopExample, "default");
        var catalog = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([RepositoryPaths.ShopExample], TextReader.Null), options.DefaultNamespace);
        var app = WebhookServer.Create(options, () => reloader.Current, catalog, builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        return app;
    }

    // Bounded: the loop runs as fast as loopback allows; ten seconds is only the ceiling.
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            timeout.IsCancellationRequested.Should().BeFalse($"{what} did not happen within 10 s");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static string Thumbprint(string certFile)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certFile);
        return certificate.Thumbprint;
    }
}
