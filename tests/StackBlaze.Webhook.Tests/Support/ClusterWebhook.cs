using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Server;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// The real server as <c>serve --kubeconfig</c> builds it, on a loopback port over TLS, following
/// a fake API server; the test talks to it over HTTPS as the API server does.
/// </summary>
internal sealed class ClusterWebhook : IAsyncDisposable
{
    private readonly TemporaryFolder _folder;
    private readonly X509Certificate2 _certificate;
    private readonly WebApplication _app;

    private ClusterWebhook(TemporaryFolder folder, X509Certificate2 certificate, WebApplication app, HttpClient client)
    {
        _folder = folder;
        _certificate = certificate;
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <param name="cluster">The API server to follow.</param>
    /// <param name="certificates">The webhook's serving certificate.</param>
    /// <param name="timings">The watches' deadlines, when a test cannot wait for the shipped ones.</param>
    /// <param name="log">Where the server's log goes, when the test reads it.</param>
    /// <param name="token">The kubeconfig's token: who the fake API server says wrote.</param>
    /// <param name="services">Replaces services last (the leader election's timings, the desired policies).</param>
    public static async Task<ClusterWebhook> StartAsync(
        FakeKubernetes cluster,
        TestCertificates certificates,
        WatchTimings? timings = null,
        FakeLogCollector? log = null,
        string token = "fake-token",
        Action<IServiceCollection>? services = null)
    {
        var folder = new TemporaryFolder();
        var kubeconfig = cluster.WriteKubeconfig(folder.Path, token);
        var certificate = X509Certificate2.CreateFromPemFile(certificates.CertFile, certificates.KeyFile);
        var options = new ServeOptions(new Uri("https://127.0.0.1:0"), certificates.CertFile, certificates.KeyFile, null, "default", kubeconfig);
        var app = WebhookServer.Create(options, () => certificate, configure: builder =>
        {
            builder.Logging.ClearProviders();
            if (log is not null)
            {
                builder.Logging.AddProvider(new FakeLoggerProvider(log));
            }
            if (timings is not null)
            {
                builder.Services.AddSingleton(timings);
            }
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new ClusterWebhook(folder, certificate, app, certificates.CreateTrustingClient(new Uri(app.Urls.Single())));
    }

    public async Task<HttpStatusCode> ReadinessAsync() => (await Client.GetAsync("/readyz")).StatusCode;

    /// <summary>Waits for <c>/readyz</c> to answer 200; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(TimeSpan? within = null) =>
        (await Eventually.ProbeAsync(ReadinessAsync, status => status == HttpStatusCode.OK, "/readyz answers 200", within)).Elapsed;

    public async Task<JsonObject> MutateAsync(JsonObject review) => await (await Client.PostAsync("/mutate", review)).ReadResponseAsync();

    public async Task<JsonObject> ValidateAsync(JsonObject review) => await (await Client.PostAsync("/validate", review)).ReadResponseAsync();

    /// <summary>Stops the server as SIGTERM does, and keeps it stopped.</summary>
    public async Task StopAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(stopping.Token);
        }
        await _app.DisposeAsync();
        _certificate.Dispose();
        _folder.Dispose();
    }
}
