using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>An HttpClient that trusts one CA file and nothing else, and checks the host name, as the API server does with caBundle.</summary>
internal static class TrustingHttpClient
{
    /// <param name="caFile">The CA the server's certificate must chain to.</param>
    /// <param name="baseAddress">The server.</param>
    /// <param name="clientCertificate">Presented whenever the server asks, whatever CAs it names; none if null.</param>
    public static HttpClient Create(string caFile, Uri baseAddress, X509Certificate2? clientCertificate = null)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                    {
                        return false;
                    }
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(ca);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
                LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
