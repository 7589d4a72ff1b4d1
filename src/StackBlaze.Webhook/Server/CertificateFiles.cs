using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Server;

/// <summary>
/// The PEM text of a certificate file and its key file, read one after the other, and a digest of
/// both that tells whether they changed since. The text is never logged.
/// </summary>
internal sealed class CertificateFiles
{
    private readonly string _certificatePem;
    private readonly string _keyPem;
    private readonly byte[] _digest;

    private CertificateFiles(string certificatePem, string keyPem)
    {
        _certificatePem = certificatePem;
        _keyPem = keyPem;
        _digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(certificatePem + "\0" + keyPem));
    }

    /// <exception cref="IOException">A file is missing or cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file is not readable by this user.</exception>
    public static CertificateFiles Read(string certFile, string keyFile) =>
        new(File.ReadAllText(certFile), File.ReadAllText(keyFile));

    public bool HasSameContentAs(CertificateFiles? other) => other is not null && _digest.AsSpan().SequenceEqual(other._digest);

    /// <summary>The certificate with its private key.</summary>
    /// <exception cref="CryptographicException">Not PEM, or the key does not belong to the certificate.</exception>
    public X509Certificate2 CreateCertificate()
    {
        try
        {
            return X509Certificate2.CreateFromPem(_certificatePem, _keyPem);
        }
        catch (ArgumentException e)
        {
            // A key of another certificate surfaces as an argument error; it is the same fault as bad PEM.
            throw new CryptographicException(e.Message, e);
        }
    }
}
