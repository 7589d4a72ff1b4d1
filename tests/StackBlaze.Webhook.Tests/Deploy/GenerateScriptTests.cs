using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>certs/generate.sh run as an operator runs it, in a folder of the test's own.</summary>
public sealed class GenerateScriptTests
{
    private static readonly string[] ServiceNames =
        ["stackblaze-webhook.stackblaze-system.svc", "stackblaze-webhook.stackblaze-system.svc.cluster.local"];

    [Fact]
    public async Task Serving_certificate_verifies_against_the_generated_ca_with_openssl()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(folder.Path);

        var verify = await ProcessRunner.RunAsync("openssl", ["verify", "-CAfile", certificates.CaFile, certificates.CertFile]);

        verify.ExitCode.Should().Be(0, verify.Stderr);
        verify.Stdout.Trim().Should().Be($"{certificates.CertFile}: OK");
    }

    [Fact]
    public async Task Serving_certificate_names_the_service_is_ecdsa_p256_and_is_not_a_ca()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(folder.Path);

        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificates.CertFile);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(certificates.CaFile);

        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Should().Equal(ServiceNames);
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Should().BeEmpty();
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeFalse();
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value.Should().Be("1.3.6.1.5.5.7.3.1");
        using var key = certificate.GetECDsaPublicKey();
        key.Should().NotBeNull();
        key!.KeySize.Should().Be(256);
        certificate.Issuer.Should().Be(ca.Subject);
        ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.Should().BeTrue();
        certificate.NotAfter.Should().BeBefore(ca.NotAfter, "the CA outlives every serving certificate it signs");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Private_keys_are_readable_by_their_owner_only()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(folder.Path);

        foreach (var key in new[] { certificates.KeyFile, certificates.CaKeyFile })
        {
            File.GetUnixFileMode(key).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, key);
        }
    }

    [Fact]
    public async Task Existing_certificates_are_kept_without_force_and_replaced_with_it()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(folder.Path);
        var first = await File.ReadAllTextAsync(certificates.CaFile);

        var refused = await GeneratedCertificates.RunAsync(["--out", folder.Path]);

        refused.ExitCode.Should().Be(1);
        refused.Stderr.Should().Be($"generate.sh: {certificates.CaFile} exists; pass --force to replace the certificates\n");
        (await File.ReadAllTextAsync(certificates.CaFile)).Should().Be(first);

        await GeneratedCertificates.GenerateAsync(folder.Path, "--force");

        (await File.ReadAllTextAsync(certificates.CaFile)).Should().NotBe(first);
    }

    [Fact]
    public async Task Renew_keeps_the_ca_and_replaces_only_the_serving_certificate()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(folder.Path);
        var ca = await File.ReadAllTextAsync(certificates.CaFile);
        var caKey = await File.ReadAllTextAsync(certificates.CaKeyFile);
        var serving = await File.ReadAllTextAsync(certificates.CertFile);

        await GeneratedCertificates.GenerateAsync(folder.Path, "--renew");

        (await File.ReadAllTextAsync(certificates.CaFile)).Should().Be(ca);
        (await File.ReadAllTextAsync(certificates.CaKeyFile)).Should().Be(caKey);
        (await File.ReadAllTextAsync(certificates.CertFile)).Should().NotBe(serving);
        var verify = await ProcessRunner.RunAsync("openssl", ["verify", "-CAfile", certificates.CaFile, certificates.CertFile]);
        verify.ExitCode.Should().Be(0, verify.Stderr);
    }

    [Fact]
    public async Task Renew_without_a_ca_is_refused()
    {
        using var folder = new TemporaryFolder();

        var result = await GeneratedCertificates.RunAsync(["--out", folder.Path, "--renew"]);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Be($"generate.sh: --renew needs the CA in {folder.Path}, but {folder.Path}/ca.crt is missing\n");
        Directory.EnumerateFiles(folder.Path).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Other_System")]
    [InlineData("other.system")]
    [InlineData("-other")]
    [InlineData("")]
    public async Task Namespace_that_is_not_a_namespace_name_is_refused_with_one_line_and_nothing_written(string name)
    {
        using var folder = new TemporaryFolder();

        var result = await GeneratedCertificates.RunAsync(["--out", folder.Path, "--namespace", name]);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Be($"generate.sh: --namespace \"{name}\" is not a namespace name (lower-case letters, digits and '-', at most 63)\n");
        Directory.EnumerateFiles(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_argument_is_refused_with_one_line()
    {
        var result = await GeneratedCertificates.RunAsync(["--days", "3"]);

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().StartWith("generate.sh: unknown argument \"--days\"");
        result.Stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public async Task Server_with_the_generated_certificate_answers_a_client_that_trusts_only_that_ca_by_the_service_name()
    {
        using var folder = new TemporaryFolder();
        var certificates = await GeneratedCertificates.GenerateAsync(Path.Combine(folder.Path, "ours"));
        var other = await GeneratedCertificates.GenerateAsync(Path.Combine(folder.Path, "other"));
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0",
            "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile);
        var port = (await server.WaitForListeningAsync()).Port;

        using var client = ServiceNameClient.Create(port, [certificates.CaFile]);
        var health = await client.GetAsync("/healthz");
        var review = await (await client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        review["allowed"]!.GetValue<bool>().Should().BeTrue();
        using var distrusting = ServiceNameClient.Create(port, [other.CaFile]);
        await distrusting.Invoking(c => c.GetAsync("/healthz")).Should().ThrowAsync<HttpRequestException>();
    }
}
