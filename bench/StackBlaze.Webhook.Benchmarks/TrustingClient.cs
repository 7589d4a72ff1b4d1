using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>An HTTPS client that trusts the bench server's development CA and nothing else.</summary>
internal static class TrustingClient
{
    public static HttpClient Create(string caFile) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && TrustedBy(caFile, certificate),
        },
    });

    /// <summary>Whether <paramref name="certificate"/> chains to the CA in <paramref name="caFile"/>.</summary>
    public static bool TrustedBy(string caFile, X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(caFile));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }
}
