using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>Both webhook configurations, as every kustomization renders them.</summary>
public sealed class WebhookConfigurationTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly string[] SystemNamespaces = ["kube-system", "stackblaze-system"];

    private static readonly string[] CreateAndUpdate = ["CREATE", "UPDATE"];

    private const string EphemeralContainers = "/pods/ephemeralcontainers";

    private static readonly string[] Workloads =
        ["/replicationcontrollers", "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets", "batch/jobs", "batch/cronjobs"];

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
            ["/replicationcontrollers"] = ["CREATE", "UPDATE"],
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
        operations.Keys.Should().BeEquivalentTo(["/pods", "/configmaps", EphemeralContainers, .. Workloads]);
        operations.Where(o => o.Key != EphemeralContainers).Select(o => o.Value).Should().AllBeEquivalentTo(CreateAndUpdate);
        operations[EphemeralContainers].Should().Equal(["UPDATE"], "kubectl debug adds ephemeral containers by an UPDATE of this subresource");
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
        overlays[overlay].ValidatingWebhook.MatchConditions.Should().NotContain(c => c.Expression.Contains("stackblaze.io/inject"),
            "the public-URL policy applies to opted-out pods too");
    }

    [Theory]
    [InlineData("pods", null, false)]
    [InlineData("pods", "true", false)]
    [InlineData("pods", "false", true)]
    [InlineData("deployments", "false", false)]
    [InlineData("pods", null, true)]
    public async Task Mutating_webhook_is_not_sent_pods_that_opt_out_and_evaluates_any_object(string resource, string? inject, bool hasOtherAnnotationsOnly)
    {
        var expression = overlays[RenderedOverlays.Base].MutatingWebhook.MatchConditions.Should().ContainSingle().Subject.Expression;
        var metadata = new JsonObject();
        if (inject is not null)
        {
            metadata["annotations"] = new JsonObject { ["stackblaze.io/inject"] = inject };
        }
        else if (hasOtherAnnotationsOnly)
        {
            metadata["annotations"] = new JsonObject { ["team"] = "shop" };
        }
        var request = new JsonObject
        {
            ["request"] = new JsonObject { ["resource"] = new JsonObject { ["resource"] = resource } },
            ["object"] = new JsonObject { ["metadata"] = metadata },
        };

        (await CelEvaluator.IsTrueAsync(expression, request)).Should().Be(!(resource == "pods" && inject == "false"));
    }

    [Fact]
    public async Task Validating_webhook_skips_every_controller_the_webhook_only_warns()
    {
        var condition = overlays[RenderedOverlays.Base].ValidatingWebhook.MatchConditions.Should().ContainSingle().Subject;
        string[] controllers = [ControllerUsers.ControllerManager, .. ControllerUsers.ServiceAccounts];

        var sent = await CelEvaluator.EvaluateAsync(condition.Expression,
            [.. controllers.Select(user => new JsonObject { ["request"] = new JsonObject { ["userInfo"] = new JsonObject { ["username"] = user } } })]);

        sent.Select(r => r!.GetValue<bool>()).Should().AllBeEquivalentTo(false, "none of {0} is sent", string.Join(", ", controllers));
    }

    [Theory]
    [InlineData("system:serviceaccount:kube-system:replicaset-controller")]
    [InlineData("system:serviceaccount:kube-system:job-controller")]
    [InlineData("system:kube-controller-manager")]
    [InlineData("alice@example.com")]
    [InlineData("system:serviceaccount:shop:replicaset-controller")]
    [InlineData("system:serviceaccount:kube-systemx:replicaset-controller")]
    [InlineData("system:kube-controller-manager-x")]
    [InlineData("system:serviceaccount:kube-system:argocd-application-controller")]
    [InlineData("system:serviceaccount:kube-system:generic-garbage-collector")]
    [InlineData("system:serviceaccount:kube-system:deployment-controller")]
    [InlineData("system:serviceaccount:kube-system:root-ca-cert-publisher")]
    public async Task Validating_webhook_is_sent_exactly_what_the_webhook_would_refuse_by_its_maker(string user)
    {
        var condition = overlays[RenderedOverlays.Base].ValidatingWebhook.MatchConditions.Should().ContainSingle().Subject;
        var request = new JsonObject { ["request"] = new JsonObject { ["userInfo"] = new JsonObject { ["username"] = user } } };

        // Skipped are the users the webhook itself only warns (ControllerUsers): skipping them loses nothing.
        (await CelEvaluator.IsTrueAsync(condition.Expression, request)).Should().Be(!ControllerUsers.IsController(user));
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
