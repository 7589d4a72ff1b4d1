using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Server;

/// <summary>Loads the serving certificate from PEM files, failing with one clear line.</summary>
internal static class ServingCertificate
{
    public static X509Certificate2 Load(string certFile, string keyFile)
    {
        foreach (var file in new[] { certFile, keyFile })
        {
            if (!File.Exists(file))
            {
                throw new StartupException($"TLS file not found: {file}");
            }
        }
        try
        {
            return X509Certificate2.CreateFromPemFile(certFile, keyFile);
        }
        catch (CryptographicException e)
        {
            throw new StartupException($"cannot load the TLS certificate {certFile} with key {keyFile}: {e.Message}");
        }
    }
}
