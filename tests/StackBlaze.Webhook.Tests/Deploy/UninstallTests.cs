using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The uninstall of docs/install-settings.md against what the overlays render: the webhook
/// configurations go first, every command can run twice, and deleting by name misses nothing.
/// </summary>
public sealed partial class UninstallTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly string[] ClusterScoped =
    [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    ];

    private static readonly string[] Commands = UninstallCommands();

    [Fact]
    public void Every_uninstall_command_succeeds_when_what_it_deletes_is_already_gone()
    {
        Commands.Should().HaveCount(3).And.OnlyContain(c => c.Split(' ').Contains("--ignore-not-found"));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void First_command_deletes_exactly_the_webhook_configurations_the_overlay_renders(string overlay)
    {
        var manifests = overlays[overlay];

        Objects(Commands[0]).Should().BeEquivalentTo(
            Reference(manifests.One<V1MutatingWebhookConfiguration>()), Reference(manifests.One<V1ValidatingWebhookConfiguration>()));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Webhook_configurations_are_rendered_after_what_they_call_so_one_delete_would_remove_them_last(string overlay)
    {
        var kinds = overlays[overlay].Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Select(o => o.Kind).ToList();

        var lastCalled = Math.Max(kinds.IndexOf("Service"), kinds.IndexOf("Deployment"));
        kinds.IndexOf("MutatingWebhookConfiguration").Should().BeGreaterThan(lastCalled);
        kinds.IndexOf("ValidatingWebhookConfiguration").Should().BeGreaterThan(lastCalled);
        Commands[1].Should().StartWith("kubectl delete -k deploy/overlays/", "the rest goes after the webhook configurations");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Deleting_by_name_removes_the_namespace_and_every_cluster_scoped_object(string overlay)
    {
        var rendered = overlays[overlay].Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Where(o => ClusterScoped.Contains(o.Kind));

        Objects(Commands[0]).Concat(Objects(Commands[2])).Should().BeEquivalentTo(rendered.Select(Reference));
        overlays[overlay].Objects.Cast<IKubernetesObject<V1ObjectMeta>>().Should().OnlyContain(
            o => o.Metadata.Finalizers == null, "nothing of ours holds a delete up");
    }

    private static string Reference(IKubernetesObject<V1ObjectMeta> o) => $"{o.Kind.ToLowerInvariant()}/{o.Metadata.Name}";

    private static IEnumerable<string> Objects(string command) => command.Split(' ').Where(word => ObjectReference().IsMatch(word));

    private static string[] UninstallCommands()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "install-settings.md"));
        var section = page[page.IndexOf("## Uninstalling", StringComparison.Ordinal)..];
        return [.. section.Split('\n').Where(l => l.StartsWith("kubectl delete ", StringComparison.Ordinal))];
    }

    [GeneratedRegex("^[a-z]+/[a-z0-9.-]+$")]
    private static partial Regex ObjectReference();
}
