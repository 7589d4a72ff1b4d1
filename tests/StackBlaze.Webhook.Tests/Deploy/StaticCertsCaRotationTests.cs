using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// docs/runbook.md "With static certificates": the three steps of a new CA, done to the overlay's
/// files as the runbook does them, keep the API server trusting whatever certificate a replica serves.
/// </summary>
public sealed class StaticCertsCaRotationTests : IAsyncLifetime
{
    private string _copy = "";

    public Task InitializeAsync()
    {
        _copy = Directory.CreateTempSubdirectory("stackblaze-rotation-").FullName;
        var deploy = Path.Combine(RepositoryPaths.Root, "deploy");
        RenderedOverlays.CopyFolder(Path.Combine(deploy, "base"), Path.Combine(_copy, "base"));
        RenderedOverlays.CopyFolder(Path.Combine(deploy, "overlays", "static-certs"), Overlay, skip: "certs");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_copy, recursive: true);
        return Task.CompletedTask;
    }

    private string Overlay => Path.Combine(_copy, "overlays", "static-certs");

    [Fact]
    public async Task Each_step_of_a_new_ca_trusts_the_certificate_the_replicas_serve_before_and_after_it()
    {
        var old = await GeneratedCertificates.GenerateAsync(Path.Combine(Overlay, "certs"));
        var next = await GeneratedCertificates.GenerateAsync(Path.Combine(_copy, "new-ca"));
        using var oldServing = Certificate(old.CertFile);
        using var newServing = Certificate(next.CertFile);

        // 1. Trust both: the old CA, then the new one, in ca.crt.
        await File.WriteAllTextAsync(old.CaFile, await File.ReadAllTextAsync(old.CaFile) + await File.ReadAllTextAsync(next.CaFile));
        var bothTrusted = await CaBundlesAsync();
        bothTrusted.Should().AllSatisfy(bundle => Trusts(bundle, oldServing).Should().BeTrue("the replicas still serve the old certificate"));
        bothTrusted.Should().AllSatisfy(bundle => Trusts(bundle, newServing).Should().BeTrue());

        // 2. Serve the new certificate: the Secret changes, the bundles do not.
        File.Copy(next.CertFile, old.CertFile, overwrite: true);
        File.Copy(next.KeyFile, old.KeyFile, overwrite: true);
        var rendered = await RenderAsync();
        rendered.One<V1Secret>().Data["tls.crt"].Should().Equal(await File.ReadAllBytesAsync(next.CertFile));
        (await CaBundlesAsync()).Should().AllSatisfy(bundle => bundle.Should().Equal(bothTrusted[0]));

        // 3. Drop the old CA.
        File.Copy(next.CaFile, old.CaFile, overwrite: true);
        File.Copy(next.CaKeyFile, old.CaKeyFile, overwrite: true);
        var newOnly = await CaBundlesAsync();
        newOnly.Should().AllSatisfy(bundle => Trusts(bundle, newServing).Should().BeTrue());
        newOnly.Should().AllSatisfy(bundle => Trusts(bundle, oldServing).Should().BeFalse("the old CA is gone"));
    }

    private async Task<RenderedManifests> RenderAsync() =>
        RenderedManifests.Parse(RenderedOverlays.StaticCerts, await RenderedOverlays.KustomizeAsync(Overlay));

    private async Task<byte[][]> CaBundlesAsync()
    {
        var rendered = await RenderAsync();
        return [rendered.MutatingWebhook.ClientConfig.CaBundle, rendered.ValidatingWebhook.ClientConfig.CaBundle];
    }

    private static X509Certificate2 Certificate(string file) => X509CertificateLoader.LoadCertificateFromFile(file);

    // As the API server checks a webhook's serving certificate: the caBundle is the only trust root.
    private static bool Trusts(byte[] caBundle, X509Certificate2 serving)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(Encoding.ASCII.GetString(caBundle));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(serving);
    }
}
