using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Deploy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Docs;

/// <summary>
/// README "GitOps: Argo CD and Flux": its YAML is read as kubectl reads it, and its ignore rules name
/// the kinds, names and field that deploy/ renders.
/// </summary>
public sealed class GitOpsSectionTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string Section = "### GitOps: Argo CD and Flux";
    private const string ArgoCdPath = ".webhooks[]?.clientConfig.caBundle";
    private const string FluxPointer = "/webhooks/0/clientConfig/caBundle";

    private static readonly IReadOnlyList<ManifestDocument> Snippets =
        [.. MarkdownPage.Load("README.md").Blocks(Section, "yaml").SelectMany(block => ManifestReader.Parse(block, "README.md"))];

    [Fact]
    public void Every_yaml_snippet_is_one_named_object_of_a_kind()
    {
        var blocks = MarkdownPage.Load("README.md").Blocks(Section, "yaml");

        blocks.Should().HaveCount(3, "an Argo CD Application and two Flux Kustomizations");
        foreach (var block in blocks)
        {
            var document = ManifestReader.Parse(block, "README.md").Should().ContainSingle().Subject;
            document.ApiVersion.Should().NotBeEmpty();
            document.Kind.Should().NotBeEmpty();
            document.Name.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Argo_cd_ignores_the_ca_bundle_of_both_rendered_webhook_configurations_and_syncs_respect_it()
    {
        var application = Snippets.Should().ContainSingle(document => document.Kind == "Application").Subject;
        var spec = Json(application)["spec"]!;
        var rules = spec["ignoreDifferences"]!.AsArray().Select(rule => rule!).ToList();

        application.ApiVersion.Should().Be("argoproj.io/v1alpha1");
        rules.Select(rule => (Text(rule["group"]), Text(rule["kind"]), Text(rule["name"])))
            .Should().BeEquivalentTo(RenderedConfigurations());
        rules.Select(rule => rule["jqPathExpressions"]!.AsArray().Select(Text)).Should().AllSatisfy(paths => paths.Should().Equal(ArgoCdPath));
        spec["syncPolicy"]!["syncOptions"]!.AsArray().Select(Text).Should().Contain("RespectIgnoreDifferences=true");
        Directory.Exists(Path.Combine(RepositoryPaths.Root, Text(spec["source"]!["path"]))).Should().BeTrue();
    }

    [Fact]
    public void Argo_cd_jq_path_selects_the_ca_bundle_of_every_webhook_the_static_certs_overlay_renders()
    {
        var ca = Convert.ToBase64String(File.ReadAllBytes(overlays.StaticCertificates.CaFile));

        foreach (var configuration in Configurations(RenderedOverlays.StaticCerts))
        {
            var bundles = JsonPaths.Jq(configuration, ArgoCdPath);

            bundles.Should().HaveCount(configuration["webhooks"]!.AsArray().Count);
            bundles.Select(Text).Should().AllBe(ca);
        }
    }

    [Fact]
    public void Cert_manager_overlay_leaves_the_ca_bundle_out_of_git_for_the_injector()
    {
        var manifests = overlays[RenderedOverlays.CertManager];

        foreach (var configuration in Configurations(RenderedOverlays.CertManager))
        {
            JsonPaths.Jq(configuration, ArgoCdPath).Should().BeEmpty("Flux then has no value of its own to write over the injected one");
        }
        manifests.One<V1MutatingWebhookConfiguration>().Metadata.Annotations.Should().ContainKey("cert-manager.io/inject-ca-from");
        manifests.One<V1ValidatingWebhookConfiguration>().Metadata.Annotations.Should().ContainKey("cert-manager.io/inject-ca-from");
    }

    [Fact]
    public void Flux_ignore_rule_points_at_the_ca_bundle_of_each_rendered_configurations_only_webhook()
    {
        var rules = Snippets.Where(document => document.Kind == "Kustomization")
            .SelectMany(document => Json(document)["spec"]!["ignore"]?.AsArray() ?? [])
            .Select(rule => rule!).ToList();
        var ca = Convert.ToBase64String(File.ReadAllBytes(overlays.StaticCertificates.CaFile));
        var staticCerts = overlays[RenderedOverlays.StaticCerts];

        staticCerts.MutatingWebhook.Should().NotBeNull("one webhook per configuration, so /webhooks/0 is all of them");
        staticCerts.ValidatingWebhook.Should().NotBeNull();
        rules.Select(rule => (Text(rule["target"]!["group"]), Text(rule["target"]!["kind"]), Text(rule["target"]!["name"])))
            .Should().BeEquivalentTo(RenderedConfigurations());
        rules.Select(rule => rule["paths"]!.AsArray().Select(Text)).Should().AllSatisfy(paths => paths.Should().Equal(FluxPointer));
        Configurations(RenderedOverlays.StaticCerts).Select(configuration => Text(JsonPaths.Pointer(configuration, FluxPointer)))
            .Should().AllBe(ca);
    }

    [Fact]
    public void Flux_kustomizations_sync_the_cert_manager_overlay_that_exists()
    {
        var kustomizations = Snippets.Where(document => document.Kind == "Kustomization").ToList();

        kustomizations.Should().HaveCount(2);
        kustomizations.Should().AllSatisfy(kustomization => kustomization.ApiVersion.Should().Be("kustomize.toolkit.fluxcd.io/v1"));
        kustomizations.Select(kustomization => Text(Json(kustomization)["spec"]!["path"]))
            .Should().AllSatisfy(path => Directory.Exists(Path.Combine(RepositoryPaths.Root, path)).Should().BeTrue(path));
    }

    private IEnumerable<(string Group, string Kind, string Name)> RenderedConfigurations()
    {
        var manifests = overlays[RenderedOverlays.CertManager];
        var mutating = manifests.One<V1MutatingWebhookConfiguration>();
        var validating = manifests.One<V1ValidatingWebhookConfiguration>();
        return
        [
            (mutating.ApiVersion.Split('/')[0], mutating.Kind, mutating.Metadata.Name),
            (validating.ApiVersion.Split('/')[0], validating.Kind, validating.Metadata.Name),
        ];
    }

    private List<JsonNode> Configurations(string overlay)
    {
        var manifests = overlays[overlay];
        return
        [
            JsonNode.Parse(KubernetesJson.Serialize(manifests.One<V1MutatingWebhookConfiguration>()))!,
            JsonNode.Parse(KubernetesJson.Serialize(manifests.One<V1ValidatingWebhookConfiguration>()))!,
        ];
    }

    private static JsonNode Json(ManifestDocument document) => JsonNode.Parse(document.Body.GetRawText())!;

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
