using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Admission;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// The CA of <c>serve --client-ca</c>: the webhook port asks every client for a certificate, a
/// certificate that does not chain to this CA fails the handshake, and a request that came without
/// one is answered only on the probe paths (the kubelet presents none).
/// </summary>
/// <remarks>
/// The CA is the only trust root (<see cref="X509ChainTrustMode.CustomRootTrust"/>), never the
/// machine's store, and revocation is not checked: the API server's client certificate comes from
/// a private CA that publishes no CRL or OCSP, and a fetch would put the network in every handshake.
/// </remarks>
internal sealed class ClientCertificateAuthority : IDisposable
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2Collection _roots;

    private ClientCertificateAuthority(string file, X509Certificate2Collection roots)
    {
        File = file;
        _roots = roots;
    }

    public string File { get; }

    /// <summary>Reads the CA (PEM, one or more certificates) at start-up; a missing or unusable file stops the server with one line.</summary>
    public static ClientCertificateAuthority Load(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new StartupException($"--client-ca {file}: no such file");
        }
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(file);
        }
        catch (CryptographicException e)
        {
            throw new StartupException($"--client-ca {file}: not a PEM certificate: {e.Message}");
        }
        return roots.Count > 0 ? new ClientCertificateAuthority(file, roots)
            : throw new StartupException($"--client-ca {file}: no PEM certificate in it");
    }

    /// <summary>Whether <paramref name="certificate"/> chains to the CA, is within its dates at <paramref name="now"/>, and may authenticate a client.</summary>
    public bool Trusts(X509Certificate2 certificate, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        // A certificate whose extended key usage leaves out client authentication (a serving one) is refused.
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        try
        {
            return chain.Build(certificate);
        }
        finally
        {
            // The chain's copies, never the caller's certificate, which Kestrel keeps for the connection.
            foreach (var element in chain.ChainElements.Where(element => !ReferenceEquals(element.Certificate, certificate)))
            {
                element.Certificate.Dispose();
            }
        }
    }

    /// <summary>
    /// Request middleware: a request without a client certificate gets a 403 and no admission
    /// answer, except the probes and the metrics listener's requests, which never need one.
    /// </summary>
    public static Func<HttpContext, RequestDelegate, Task> Middleware(string file) => (http, next) =>
        http.Connection.ClientCertificate is not null || MetricsListener.Received(http) || WebhookServer.IsProbe(http.Request.Path)
            ? next(http)
            : HttpAnswers.WriteErrorAsync(http, StatusCodes.Status403Forbidden,
                $"Forbidden: the webhook answers only clients with a certificate from the CA of --client-ca {file}");

    public void Dispose()
    {
        foreach (var root in _roots)
        {
            root.Dispose();
        }
    }
}
