using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>deploy/overlays/cert-manager: a CA of its own, a serving certificate it renews, the CA injected.</summary>
public sealed class CertManagerOverlayTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string InjectCaFrom = "cert-manager.io/inject-ca-from";

    private RenderedManifests Manifests => overlays[RenderedOverlays.CertManager];

    [Fact]
    public void Serving_certificate_names_the_service_and_lands_in_the_secret_the_pods_mount()
    {
        var serving = Manifests.All<CertManagerCertificate>().Should().ContainSingle(c => !c.Spec.IsCA).Subject;

        serving.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        serving.Spec.DnsNames.Should().BeEquivalentTo(
            "stackblaze-webhook.stackblaze-system.svc", "stackblaze-webhook.stackblaze-system.svc.cluster.local");
        serving.Spec.Usages.Should().Contain("server auth");
        serving.Spec.PrivateKey!.Algorithm.Should().Be("ECDSA");
        serving.Spec.PrivateKey.Size.Should().Be(256);
        serving.Spec.SecretName.Should().Be(
            Manifests.Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "tls").Secret.SecretName);
        Manifests.All<V1Secret>().Should().BeEmpty("cert-manager writes the Secret");
    }

    [Fact]
    public void Serving_certificate_is_signed_by_a_ca_issuer_whose_ca_comes_from_a_self_signed_issuer()
    {
        var issuers = Manifests.All<CertManagerIssuer>().ToDictionary(i => i.Metadata.Name);
        var serving = Manifests.All<CertManagerCertificate>().Single(c => !c.Spec.IsCA);
        var ca = Manifests.All<CertManagerCertificate>().Single(c => c.Spec.IsCA);

        var caIssuer = issuers[serving.Spec.IssuerRef.Name];
        caIssuer.Spec.Ca!.SecretName.Should().Be(ca.Spec.SecretName);
        issuers[ca.Spec.IssuerRef.Name].Spec.SelfSigned.Should().NotBeNull();
        new[] { serving.Spec.IssuerRef.Kind, ca.Spec.IssuerRef.Kind }.Should().AllBe("Issuer");
        issuers.Values.Should().OnlyContain(i => i.Metadata.NamespaceProperty == "stackblaze-system");
    }

    [Fact]
    public void Both_webhook_configurations_get_their_ca_from_the_serving_certificate()
    {
        var serving = Manifests.All<CertManagerCertificate>().Single(c => !c.Spec.IsCA);
        var expected = $"{serving.Metadata.NamespaceProperty}/{serving.Metadata.Name}";

        Manifests.One<V1MutatingWebhookConfiguration>().Metadata.Annotations.Should().Contain(InjectCaFrom, expected);
        Manifests.One<V1ValidatingWebhookConfiguration>().Metadata.Annotations.Should().Contain(InjectCaFrom, expected);
        Manifests.MutatingWebhook.ClientConfig.CaBundle.Should().BeNull("cert-manager fills it");
    }
}
