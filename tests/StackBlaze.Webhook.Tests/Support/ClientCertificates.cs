using System.Security.Cryptography.X509Certificates;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// A client CA as an operator makes one with openssl for <c>serve --client-ca</c>, the API server's
/// client certificate it signs, and certificates a stranger could present instead.
/// </summary>
internal sealed class ClientCertificates : IDisposable
{
    private const string Subject = "/CN=kube-apiserver";
    private const string CaSubject = "/CN=stackblaze client CA";
    private const string ClientExtensions = "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n";

    private readonly List<X509Certificate2> _loaded = [];

    private ClientCertificates(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>The file given to <c>--client-ca</c>.</summary>
    public string CaFile => Path.Combine(Folder, "client-ca.crt");

    /// <summary>The API server's certificate: signed by the client CA, for client authentication, valid now.</summary>
    public X509Certificate2 ApiServer => Load("apiserver");

    /// <summary>A stranger's certificate, by name: see <see cref="Strangers"/>.</summary>
    public X509Certificate2 Stranger(string name) => Load(name);

    /// <summary>Certificates the webhook must refuse, each named for what is wrong with it.</summary>
    public static TheoryData<string> Strangers =>
    [
        "signed-by-another-ca-with-the-same-subject",
        "self-signed-with-the-subject-of-the-client-ca",
        "self-signed-with-the-subject-of-the-api-server",
        "expired",
        "for-servers-only",
    ];

    public static async Task<ClientCertificates> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("stackblaze-client-certs-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "client.ext"), ClientExtensions);
        await File.WriteAllTextAsync(Path.Combine(folder, "server.ext"), "extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        await SelfSigned(folder, "client-ca", CaSubject, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        await SelfSigned(folder, "other-ca", CaSubject, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        await Signed(folder, "apiserver", "client-ca", "client.ext");
        await Signed(folder, "signed-by-another-ca-with-the-same-subject", "other-ca", "client.ext");
        await Signed(folder, "for-servers-only", "client-ca", "server.ext");
        await SelfSigned(folder, "self-signed-with-the-subject-of-the-client-ca", CaSubject, "-addext", "basicConstraints=critical,CA:TRUE");
        await SelfSigned(folder, "self-signed-with-the-subject-of-the-api-server", Subject, "-addext", "extendedKeyUsage=clientAuth");
        await Request(folder, "expired");
        var now = DateTimeOffset.UtcNow;
        await TestCertificates.SignDatedAsync(folder, "client-ca", "expired", "client.ext", now.AddDays(-30), now.AddDays(-1));
        return new ClientCertificates(folder);
    }

    public void Dispose()
    {
        _loaded.ForEach(certificate => certificate.Dispose());
        Directory.Delete(Folder, recursive: true);
    }

    private X509Certificate2 Load(string name)
    {
        var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(Folder, $"{name}.crt"), Path.Combine(Folder, $"{name}.key"));
        _loaded.Add(certificate);
        return certificate;
    }

    private static Task SelfSigned(string folder, string name, string subject, params string[] extensions) =>
        TestCertificates.OpenSsl(folder, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", $"{name}.key", "-out", $"{name}.crt", "-days", "2", "-subj", subject, .. extensions]);

    private static Task Request(string folder, string name) =>
        TestCertificates.OpenSsl(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", $"{name}.key", "-out", $"{name}.csr", "-subj", Subject);

    private static async Task Signed(string folder, string name, string ca, string extensions)
    {
        await Request(folder, name);
        await TestCertificates.OpenSsl(folder, "x509", "-req", "-in", $"{name}.csr", "-CA", $"{ca}.crt", "-CAkey", $"{ca}.key",
            "-CAcreateserial", "-out", $"{name}.crt", "-days", "2", "-extfile", extensions);
    }
}
