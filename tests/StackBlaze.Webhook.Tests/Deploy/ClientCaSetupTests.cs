using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using StackBlaze.Webhook.Tests.CommandLine;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// docs/network-access.md "Only the API server: client certificates": its YAML is read as the API server and
/// kustomize would read it, and names what deploy/ renders.
/// </summary>
public sealed partial class ClientCaSetupTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string Page = "docs/network-access.md";
    private const string Section = "## Only the API server: client certificates";

    [Fact]
    public void Admission_configuration_gives_both_webhook_plugins_the_kubeconfig()
    {
        var admission = Document("AdmissionConfiguration");
        var plugins = JsonObject.Create(admission.Body)!["plugins"]!.AsArray().Select(plugin => plugin!.AsObject()).ToList();

        admission.ApiVersion.Should().Be("apiserver.config.k8s.io/v1");
        plugins.Select(plugin => Text(plugin, "name")).Should().BeEquivalentTo("MutatingAdmissionWebhook", "ValidatingAdmissionWebhook");
        foreach (var configuration in plugins.Select(plugin => plugin["configuration"]!.AsObject()))
        {
            (Text(configuration, "apiVersion"), Text(configuration, "kind")).Should().Be(("apiserver.config.k8s.io/v1", "WebhookAdmissionConfiguration"));
            Text(configuration, "kubeConfigFile").Should().StartWith("/");
        }
        plugins.Select(plugin => Text(plugin["configuration"]!.AsObject(), "kubeConfigFile")).Distinct().Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Kubeconfig_user_is_the_webhook_service_as_the_api_server_names_it(string overlay)
    {
        var manifests = overlays[overlay];
        var service = manifests.One<V1Service>();
        var kubeconfig = Document("Config");
        var user = JsonObject.Create(kubeconfig.Body)!["users"]!.AsArray().Should().ContainSingle().Subject!.AsObject();

        service.Spec.Ports.Should().ContainSingle().Which.Port.Should().Be(443, "with another port the user's name would end in :PORT");
        foreach (var target in new[] { manifests.MutatingWebhook.ClientConfig.Service, manifests.ValidatingWebhook.ClientConfig.Service })
        {
            (target.Name, target.NamespaceProperty).Should().Be((service.Metadata.Name, service.Metadata.NamespaceProperty));
            (target.Port ?? 443).Should().Be(443);
        }
        Text(user, "name").Should().Be($"{service.Metadata.Name}.{service.Metadata.NamespaceProperty}.svc");
        Text(user["user"]!.AsObject(), "client-certificate").Should().StartWith("/");
        Text(user["user"]!.AsObject(), "client-key").Should().StartWith("/");
    }

    [Fact]
    public async Task Overlay_passes_the_mounted_ca_to_client_ca_and_rolls_the_pods_when_it_changes()
    {
        var kustomization = Document("Kustomization");
        var copy = Directory.CreateTempSubdirectory("stackblaze-deploy-").FullName;
        try
        {
            var deploy = Path.Combine(RepositoryPaths.Root, "deploy");
            RenderedOverlays.CopyFolder(Path.Combine(deploy, "base"), Path.Combine(copy, "base"));
            RenderedOverlays.CopyFolder(Path.Combine(deploy, RenderedOverlays.CertManager), Path.Combine(copy, RenderedOverlays.CertManager));
            var overlay = Path.Combine(copy, "overlays", "client-ca");
            Directory.CreateDirectory(overlay);
            await File.WriteAllTextAsync(Path.Combine(overlay, "kustomization.yaml"), kustomization.Text);
            await File.WriteAllTextAsync(Path.Combine(overlay, "client-ca.crt"), "the CA certificate\n");

            var manifests = RenderedManifests.Parse("overlays/client-ca", await RenderedOverlays.KustomizeAsync(overlay));

            var container = manifests.Container;
            var caFile = ServeArguments.Parse([.. container.Args.Skip(1)]).ClientCaFile;
            caFile.Should().NotBeNull();
            var mount = container.VolumeMounts.Should().ContainSingle(m => caFile!.StartsWith(m.MountPath + "/", StringComparison.Ordinal)).Subject;
            var volume = manifests.Deployment.Spec.Template.Spec.Volumes.Should().ContainSingle(v => v.Name == mount.Name).Subject;
            var configMap = manifests.All<V1ConfigMap>().Should().ContainSingle(c => c.Metadata.Name == volume.ConfigMap.Name).Subject;
            configMap.Metadata.Name.Should().MatchRegex(@"-[a-z0-9]{10}$", "a name with the content's hash rolls the pods when the CA changes");
            configMap.Data[Path.GetFileName(caFile!)].Should().Be("the CA certificate\n");
            mount.ReadOnlyProperty.Should().BeTrue();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string Text(JsonObject node, string field) => node[field]!.GetValue<string>();

    /// <summary>The one YAML document of that kind in the page section's yaml blocks.</summary>
    private static ManifestDocument Document(string kind)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Page));
        var start = page.IndexOf(Section, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"{Page} has the section {Section}");
        var next = page.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var documents = YamlBlock().Matches(page[start..(next < 0 ? page.Length : next)])
            .SelectMany(block => ManifestReader.Parse(Unindent(block.Groups["body"].Value, block.Groups["indent"].Value), Page));
        return documents.Should().ContainSingle(document => document.Kind == kind).Subject;
    }

    // The blocks sit in a numbered list, indented by the list's margin.
    private static string Unindent(string body, string indent) =>
        string.Join('\n', body.Split('\n').Select(line => line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line));

    [GeneratedRegex(@"^(?<indent>[ ]*)```yaml\n(?<body>.*?)\n\k<indent>```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
