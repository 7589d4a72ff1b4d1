namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// Registry, tag, digest and pull secret set as docs/install-settings.md says: kustomize's
/// <c>images:</c> keyed by the name <c>stackblaze-webhook</c> (deploy/release.sh stamps its tag the
/// same way) and components/image-pull-secret, in an operator's kustomization over an overlay.
/// </summary>
public sealed class ImageSettingsTests
{
    private const string Registry = "registry.example.com/platform/stackblaze-webhook";

    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public async Task Registry_tag_and_pull_secret_reach_the_webhook_pods(string overlay)
    {
        var manifests = (await OperatorKustomization.RenderAsync(
            $"""
            resources: [../{overlay}]
            components: [../components/image-pull-secret]
            images:
              - name: stackblaze-webhook
                newName: {Registry}
                newTag: "1.4.2"
            """)).Manifests;
        var pod = manifests.Deployment.Spec.Template.Spec;

        manifests.Container.Image.Should().Be($"{Registry}:1.4.2");
        pod.ImagePullSecrets.Should().ContainSingle().Which.Name.Should().Be("stackblaze-webhook-registry");
    }

    [Fact]
    public async Task Digest_pins_the_image_in_place_of_the_tag()
    {
        var manifests = (await OperatorKustomization.RenderAsync(
            $"""
            resources: [../{RenderedOverlays.CertManager}]
            images:
              - name: stackblaze-webhook
                newName: {Registry}
                digest: {Digest}
            """)).Manifests;

        manifests.Container.Image.Should().Be($"{Registry}@{Digest}");
        manifests.Deployment.Spec.Template.Spec.ImagePullSecrets.Should().BeNull("the pull secret is a component one adds");
    }
}
