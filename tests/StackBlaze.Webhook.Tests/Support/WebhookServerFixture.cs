using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The real server on a loopback port over TLS, with the shop example (and Fixtures/Catalog) as its catalog.</summary>
public sealed class WebhookServerFixture : IAsyncLifetime
{
    private TestCertificates? _certificates;
    private X509Certificate2? _certificate;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _certificates = await TestCertificates.CreateAsync();
        _certificate = X509Certificate2.CreateFromPemFile(_certificates.CertFile, _certificates.KeyFile);
        var options = new ServeOptions(new Uri("https://127.0.0.1:0"), _certificates.CertFile, _certificates.KeyFile, RepositoryPaths.ShopExample, "default");
        // The shop example, and a second project whose public-URL policy only warns.
        var catalog = ManifestCatalog.FromDocuments(
            ManifestReader.ReadAll([RepositoryPaths.ShopExample, RepositoryPaths.Fixture("Catalog")], TextReader.Null), options.DefaultNamespace);
        _app = WebhookServer.Create(options, () => _certificate, catalog, builder => builder.Logging.ClearProviders());
        await _app.StartAsync();
        Client = _certificates.CreateTrustingClient(new Uri(_app.Urls.Single()));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _certificate?.Dispose();
        _certificates?.Dispose();
    }
}
