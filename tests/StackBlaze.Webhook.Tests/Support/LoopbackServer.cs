using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A server of a test's own on a loopback port over TLS: its catalog, options and clock as the
/// test needs them, its logs kept for the test to read.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TestCertificates _certificates;
    private readonly WebApplication _app;

    private LoopbackServer(TestCertificates certificates, WebApplication app)
    {
        _certificates = certificates;
        _app = app;
        Log = app.Services.GetFakeLogCollector();
        Urls = [.. app.Urls];
        Url = new Uri(Urls[0]);
        Client = certificates.CreateTrustingClient(Url);
    }

    /// <summary>The webhook's address.</summary>
    public Uri Url { get; }

    /// <summary>Every address, one per listener: the webhook's, then the metrics listener's if any.</summary>
    public IReadOnlyList<string> Urls { get; }

    public int Port => Url.Port;

    public HttpClient Client { get; }

    /// <summary>Every line the server logged, with level, event id and fields.</summary>
    public FakeLogCollector Log { get; }

    public string CaFile => _certificates.CaFile;

    public string CertFile => _certificates.CertFile;

    /// <summary>The shop example and the staging project of Fixtures/Catalog, as in <see cref="WebhookServerFixture"/>.</summary>
    public static IProjectCatalog ShopCatalog() => ManifestCatalog.FromDocuments(
        ManifestReader.ReadAll([RepositoryPaths.ShopExample, RepositoryPaths.Fixture("Catalog")], TextReader.Null), "default");

    public static async Task<LoopbackServer> StartAsync(
        IProjectCatalog? catalog = null,
        Func<ServeOptions, ServeOptions>? options = null,
        TimeProvider? time = null)
    {
        var certificates = await TestCertificates.CreateAsync();
        var serveOptions = new ServeOptions(new Uri("https://127.0.0.1:0"), certificates.CertFile, certificates.KeyFile, null, "default");
        serveOptions = options?.Invoke(serveOptions) ?? serveOptions;
        var app = WebhookServer.Create(serveOptions, () => certificates.Load(), catalog ?? ShopCatalog(), builder =>
        {
            builder.Logging.ClearProviders().AddFakeLogging();
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync();
        return new LoopbackServer(certificates, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _certificates.Dispose();
    }
}
