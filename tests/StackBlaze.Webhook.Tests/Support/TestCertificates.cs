namespace StackBlaze.Webhook.Tests.Support;

/// <summary>A CA and a serving certificate for 127.0.0.1 and localhost, made with openssl as an operator would.</summary>
internal sealed class TestCertificates : IDisposable
{
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _loaded;

    private TestCertificates(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string CaFile => Path.Combine(Folder, "ca.crt");

    public string CertFile => Path.Combine(Folder, "tls.crt");

    public string KeyFile => Path.Combine(Folder, "tls.key");

    public static async Task<TestCertificates> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("stackblaze-certs-").FullName;
        var certificates = new TestCertificates(folder);
        await OpenSsl(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=stackblaze test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        await OpenSsl(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=localhost");
        await File.WriteAllTextAsync(Path.Combine(folder, "san.ext"),
            "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n");
        await OpenSsl(folder, "x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "tls.crt", "-days", "2", "-extfile", "san.ext");
        return certificates;
    }

    /// <summary>
    /// The same, but the serving certificate valid only from <paramref name="notBefore"/> to
    /// <paramref name="notAfter"/> (years ago, say), signed with <c>openssl ca</c>, which alone sets both dates.
    /// </summary>
    public static async Task<TestCertificates> CreateAsync(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var certificates = await CreateAsync();
        await SignDatedAsync(certificates.Folder, "ca", "tls", "san.ext", notBefore, notAfter);
        return certificates;
    }

    /// <summary>
    /// Signs <c>NAME.csr</c> of <paramref name="folder"/> with <c>CA.crt</c> and <c>CA.key</c> into
    /// <c>NAME.crt</c>, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>, with the
    /// extensions of <paramref name="extensions"/>: <c>openssl ca</c>, which alone sets both dates.
    /// </summary>
    internal static async Task SignDatedAsync(string folder, string ca, string name, string extensions, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "ca.cnf"),
            "[ca]\ndefault_ca = dated\n[dated]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\npolicy = any\ndefault_md = sha256\n[any]\ncommonName = supplied\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "index.txt"), "");
        await File.WriteAllTextAsync(Path.Combine(folder, "serial"), "1000\n");
        await OpenSsl(folder, "ca", "-batch", "-config", "ca.cnf", "-cert", $"{ca}.crt", "-keyfile", $"{ca}.key", "-in", $"{name}.csr",
            "-out", $"{name}.crt", "-notext", "-extfile", extensions,
            "-startdate", notBefore.UtcDateTime.ToString("yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "-enddate", notAfter.UtcDateTime.ToString("yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The serving certificate with its key, loaded once and kept.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 Load() =>
        _loaded ??= System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(CertFile, KeyFile);

    /// <summary>An HttpClient that trusts this CA and nothing else.</summary>
    public HttpClient CreateTrustingClient(Uri baseAddress) => TrustingHttpClient.Create(CaFile, baseAddress);

    public void Dispose()
    {
        _loaded?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    internal static async Task OpenSsl(string folder, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("openssl", arguments, workingDirectory: folder);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {result.Stderr}");
        }
    }
}
