using System.Security.Cryptography.X509Certificates;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>deploy/overlays/static-certs after certs/generate.sh: the Secret and both caBundles, no hand editing.</summary>
public sealed class StaticCertsOverlayTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private RenderedManifests Manifests => overlays[RenderedOverlays.StaticCerts];

    [Fact]
    public void Both_ca_bundles_are_the_generated_ca()
    {
        var ca = File.ReadAllBytes(overlays.StaticCertificates.CaFile);

        Manifests.MutatingWebhook.ClientConfig.CaBundle.Should().Equal(ca);
        Manifests.ValidatingWebhook.ClientConfig.CaBundle.Should().Equal(ca);
        X509CertificateLoader.LoadCertificate(Manifests.MutatingWebhook.ClientConfig.CaBundle).Subject
            .Should().Be("CN=stackblaze-webhook CA");
    }

    [Fact]
    public void Tls_secret_holds_the_generated_certificate_and_key_under_the_name_the_pods_mount()
    {
        var secret = Manifests.One<V1Secret>();
        var certificates = overlays.StaticCertificates;

        secret.Type.Should().Be("kubernetes.io/tls");
        secret.Metadata.Name.Should().Be(Manifests.Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "tls").Secret.SecretName);
        secret.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        secret.Data.Keys.Should().BeEquivalentTo("tls.crt", "tls.key", "ca.crt");
        secret.Data["tls.crt"].Should().Equal(File.ReadAllBytes(certificates.CertFile));
        secret.Data["tls.key"].Should().Equal(File.ReadAllBytes(certificates.KeyFile));
        secret.Data.Should().NotContainKey("ca.key", "the CA's key stays with the operator");
    }

    [Fact]
    public void Overlay_needs_no_cert_manager()
    {
        Manifests.All<CertManagerCertificate>().Should().BeEmpty();
        Manifests.All<CertManagerIssuer>().Should().BeEmpty();
        Manifests.One<V1MutatingWebhookConfiguration>().Metadata.Annotations.Should().BeNullOrEmpty();
    }
}
