using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>The server's own count of gen 2 collections, read from its /metrics.</summary>
internal sealed class GcCounter(Uri server, string caFile) : IDisposable
{
    private const string Gen2 = "dotnet_collection_count_total{generation=\"2\"}";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && TrustedBy(caFile, certificate),
        },
    });

    public async Task<long> Gen2CollectionsAsync()
    {
        var text = await _client.GetStringAsync(new Uri(server, "/metrics"));
        var line = text.Split('\n').First(l => l.StartsWith(Gen2, StringComparison.Ordinal));
        return (long)double.Parse(line[Gen2.Length..].Trim(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _client.Dispose();

    private static bool TrustedBy(string caFile, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(caFile));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
