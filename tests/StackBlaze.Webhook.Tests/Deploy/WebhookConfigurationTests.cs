using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>Both webhook configurations, as every kustomization renders them.</summary>
public sealed class WebhookConfigurationTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly string[] SystemNamespaces = ["kube-system", "stackblaze-system"];

    private static readonly string[] CreateAndUpdate = ["CREATE", "UPDATE"];

    private static readonly string[] Workloads =
        ["apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets", "batch/jobs", "batch/cronjobs"];

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Both_webhooks_select_only_project_namespaces_and_never_the_system_ones(string overlay)
    {
        var manifests = overlays[overlay];

        foreach (var selector in new[] { manifests.MutatingWebhook.NamespaceSelector, manifests.ValidatingWebhook.NamespaceSelector })
        {
            selector.MatchLabels.Should().BeNullOrEmpty();
            selector.MatchExpressions.Should().ContainEquivalentOf(
                new V1LabelSelectorRequirement { Key = "stackblaze.io/project", OperatorProperty = "Exists" });
            var excluded = selector.MatchExpressions.Should().ContainSingle(e => e.Key == "kubernetes.io/metadata.name").Subject;
            excluded.OperatorProperty.Should().Be("NotIn");
            excluded.Values.Should().BeEquivalentTo(SystemNamespaces);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Mutating_webhook_calls_mutate_for_pods_on_create_and_for_workloads_on_create_and_update(string overlay)
    {
        var webhook = overlays[overlay].MutatingWebhook;

        webhook.ClientConfig.Service.Should().BeEquivalentTo(new Admissionregistrationv1ServiceReference
        {
            Name = "stackblaze-webhook", NamespaceProperty = "stackblaze-system", Path = "/mutate", Port = 443,
        });
        Operations(webhook.Rules).Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["/pods"] = ["CREATE"],
            ["apps/deployments"] = ["CREATE", "UPDATE"],
            ["apps/statefulsets"] = ["CREATE", "UPDATE"],
            ["apps/daemonsets"] = ["CREATE", "UPDATE"],
            ["apps/replicasets"] = ["CREATE", "UPDATE"],
            ["batch/jobs"] = ["CREATE", "UPDATE"],
            ["batch/cronjobs"] = ["CREATE", "UPDATE"],
        });
        webhook.Rules.Should().OnlyContain(rule => rule.ApiVersions.Count == 1 && rule.ApiVersions[0] == "v1" && rule.Scope == "Namespaced");
        webhook.ReinvocationPolicy.Should().Be("IfNeeded");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Validating_webhook_calls_validate_for_pods_workloads_and_config_maps_on_create_and_update(string overlay)
    {
        var webhook = overlays[overlay].ValidatingWebhook;

        webhook.ClientConfig.Service.Path.Should().Be("/validate");
        webhook.ClientConfig.Service.Name.Should().Be("stackblaze-webhook");
        webhook.ClientConfig.Service.NamespaceProperty.Should().Be("stackblaze-system");
        var operations = Operations(webhook.Rules);
        operations.Keys.Should().BeEquivalentTo(["/pods", "/configmaps", .. Workloads]);
        operations.Values.Should().AllBeEquivalentTo(CreateAndUpdate);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Both_webhooks_speak_v1_have_no_side_effects_fail_closed_and_time_out_quickly(string overlay)
    {
        var manifests = overlays[overlay];
        var webhooks = new (IList<string> Versions, string SideEffects, int? Timeout, string FailurePolicy, string MatchPolicy)[]
        {
            (manifests.MutatingWebhook.AdmissionReviewVersions, manifests.MutatingWebhook.SideEffects,
                manifests.MutatingWebhook.TimeoutSeconds, manifests.MutatingWebhook.FailurePolicy, manifests.MutatingWebhook.MatchPolicy),
            (manifests.ValidatingWebhook.AdmissionReviewVersions, manifests.ValidatingWebhook.SideEffects,
                manifests.ValidatingWebhook.TimeoutSeconds, manifests.ValidatingWebhook.FailurePolicy, manifests.ValidatingWebhook.MatchPolicy),
        };

        foreach (var webhook in webhooks)
        {
            webhook.Versions.Should().Equal("v1");
            webhook.SideEffects.Should().Be("None");
            webhook.Timeout.Should().BeInRange(1, 5, "the API server waits on us for every project pod");
            webhook.FailurePolicy.Should().Be("Fail");
            webhook.MatchPolicy.Should().Be("Equivalent");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Mutating_webhook_skips_pods_that_opt_out_with_a_condition_safe_for_any_object(string overlay)
    {
        var condition = overlays[overlay].MutatingWebhook.MatchConditions.Should().ContainSingle().Subject;

        var expression = condition.Expression;
        // Only pods are skipped: a workload's opt-out must still reach the webhook to be copied to its pods.
        expression.Should().StartWith("request.resource.resource != 'pods' ||");
        // Objects without annotations are sent, not an evaluation error (which failurePolicy Fail would turn into a denial).
        expression.Should().Contain("!has(object.metadata.annotations) ||");
        expression.Should().Contain("!('stackblaze.io/inject' in object.metadata.annotations) ||");
        expression.Should().EndWith("object.metadata.annotations['stackblaze.io/inject'] != 'false'");
        overlays[overlay].ValidatingWebhook.MatchConditions.Should().BeNullOrEmpty("the public-URL policy applies to opted-out pods too");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Webhook_service_sends_port_443_to_the_pods_https_port_8443(string overlay)
    {
        var manifests = overlays[overlay];
        var service = manifests.One<V1Service>();

        var port = service.Spec.Ports.Should().ContainSingle().Subject;
        port.Port.Should().Be(443);
        port.TargetPort.Value.Should().Be("https");
        manifests.Container.Ports.Should().ContainSingle(p => p.Name == "https").Which.ContainerPort.Should().Be(8443);
        service.Spec.Selector.Should().Equal(manifests.Deployment.Spec.Selector.MatchLabels);
        service.Metadata.Name.Should().Be(manifests.MutatingWebhook.ClientConfig.Service.Name);
    }

    private static Dictionary<string, string[]> Operations(IEnumerable<V1RuleWithOperations> rules) =>
        rules.SelectMany(rule => rule.ApiGroups.SelectMany(group => rule.Resources.Select(resource => (Key: $"{group}/{resource}", rule.Operations))))
            .ToDictionary(r => r.Key, r => r.Operations.ToArray());
}
