using k8s.Models;
using StackBlaze.Webhook.Tests.CommandLine;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>The webhook's Deployment, its disruption budget and its namespace.</summary>
public sealed class DeploymentTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string AppLabel = "app.kubernetes.io/name";

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Two_replicas_spread_across_nodes_in_the_system_namespace(string overlay)
    {
        var manifests = overlays[overlay];
        var deployment = manifests.Deployment;

        manifests.One<V1Namespace>().Metadata.Name.Should().Be("stackblaze-system");
        deployment.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        deployment.Spec.Replicas.Should().Be(2);
        deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value.Should().Be("0");
        var spread = deployment.Spec.Template.Spec.TopologySpreadConstraints.Should().ContainSingle().Subject;
        spread.TopologyKey.Should().Be("kubernetes.io/hostname");
        spread.MaxSkew.Should().Be(1);
        spread.LabelSelector.MatchLabels.Should().Equal(deployment.Spec.Selector.MatchLabels);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Memory_limit_and_heap_cap_are_those_the_hostile_tenant_tests_run_under(string overlay)
    {
        var container = overlays[overlay].Container;

        container.Resources.Limits["memory"].ToInt64().Should().Be(Support.HostileTenantServer.MemoryLimitBytes);
        container.Resources.Requests["memory"].ToInt64().Should().BeLessThan(Support.HostileTenantServer.MemoryLimitBytes);
        var heap = container.Env.Should().ContainSingle(v => v.Name == "DOTNET_GCHeapHardLimit").Subject.Value;
        Convert.ToInt64(heap, 16).Should().Be(Support.HostileTenantServer.HeapLimitBytes);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Spread_is_a_hard_rule_over_the_nodes_the_pods_may_use_counted_per_revision(string overlay)
    {
        var spread = overlays[overlay].Deployment.Spec.Template.Spec.TopologySpreadConstraints.Should().ContainSingle().Subject;

        spread.WhenUnsatisfiable.Should().Be("DoNotSchedule", "ScheduleAnyway would let both replicas share a node");
        spread.NodeTaintsPolicy.Should().Be("Honor", "a tainted control plane must not count as a node with no replica");
        spread.NodeAffinityPolicy.Should().Be("Honor");
        spread.MatchLabelKeys.Should().Equal("pod-template-hash");
        spread.MinDomains.Should().BeNull("a one-node cluster must still run both replicas");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Disruption_budget_keeps_at_least_one_replica_of_the_webhook(string overlay)
    {
        var manifests = overlays[overlay];
        var budget = manifests.One<V1PodDisruptionBudget>();

        budget.Metadata.NamespaceProperty.Should().Be("stackblaze-system");
        budget.Spec.MinAvailable.Value.Should().Be("1");
        budget.Spec.MaxUnavailable.Should().BeNull();
        budget.Spec.Selector.MatchLabels.Should().Equal(manifests.Deployment.Spec.Selector.MatchLabels);
        manifests.Deployment.Spec.Template.Metadata.Labels.Should().Contain(AppLabel, "stackblaze-webhook");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Pod_runs_as_non_root_with_a_read_only_root_and_no_capabilities(string overlay)
    {
        var manifests = overlays[overlay];
        var pod = manifests.Deployment.Spec.Template.Spec.SecurityContext;
        var container = manifests.Container.SecurityContext;

        pod.RunAsNonRoot.Should().BeTrue();
        pod.RunAsUser.Should().BeGreaterThan(0);
        pod.SeccompProfile.Type.Should().Be("RuntimeDefault");
        container.RunAsNonRoot.Should().BeTrue();
        container.ReadOnlyRootFilesystem.Should().BeTrue();
        container.AllowPrivilegeEscalation.Should().BeFalse();
        container.Privileged.Should().NotBe(true);
        container.Capabilities.Drop.Should().Equal("ALL");
        container.Capabilities.Add.Should().BeNullOrEmpty();
        manifests.One<V1Namespace>().Metadata.Labels.Should().Contain("pod-security.kubernetes.io/enforce", "restricted");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Container_has_cpu_and_memory_requests_and_limits(string overlay)
    {
        var resources = overlays[overlay].Container.Resources;

        resources.Requests.Keys.Should().BeEquivalentTo("cpu", "memory");
        resources.Limits.Keys.Should().BeEquivalentTo("cpu", "memory");
        resources.Requests["memory"].ToInt64().Should().BeLessThanOrEqualTo(resources.Limits["memory"].ToInt64());
        resources.Requests["cpu"].ToDecimal().Should().BeLessThanOrEqualTo(resources.Limits["cpu"].ToDecimal());
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Liveness_asks_healthz_and_readiness_asks_readyz_over_https_on_8443(string overlay)
    {
        var container = overlays[overlay].Container;
        var https = container.Ports.Single(p => p.Name == "https");

        foreach (var (probe, path) in new[] { (container.LivenessProbe, "/healthz"), (container.ReadinessProbe, "/readyz") })
        {
            probe.HttpGet.Path.Should().Be(path);
            probe.HttpGet.Scheme.Should().Be("HTTPS");
            probe.HttpGet.Port.Value.Should().BeOneOf("https", "8443");
            probe.TimeoutSeconds.Should().BePositive();
        }
        https.ContainerPort.Should().Be(8443);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Pod_keeps_serving_while_endpoints_drop_it_and_has_time_to_drain(string overlay)
    {
        var manifests = overlays[overlay];
        var pause = manifests.Container.Lifecycle.PreStop.Sleep.Seconds;
        var webhookTimeout = Math.Max(manifests.MutatingWebhook.TimeoutSeconds ?? 10, manifests.ValidatingWebhook.TimeoutSeconds ?? 10);

        pause.Should().BeGreaterThanOrEqualTo(5);
        manifests.Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds.Should()
            .BeGreaterThan(pause + webhookTimeout, "the grace period covers the pause and then the last reviews in flight");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Serve_arguments_are_ones_the_server_accepts_and_follow_the_cluster(string overlay)
    {
        var manifests = overlays[overlay];
        var container = manifests.Container;
        var pod = manifests.Deployment.Spec.Template.Spec;
        container.Args[0].Should().Be("serve");

        var options = ServeArguments.Parse(container.Args.Skip(1).ToList());

        options.Url.Port.Should().Be(8443);
        var tls = container.VolumeMounts.Single(m => m.Name == "tls");
        tls.ReadOnlyProperty.Should().BeTrue();
        options.TlsCertFile.Should().Be($"{tls.MountPath}/tls.crt");
        options.TlsKeyFile.Should().Be($"{tls.MountPath}/tls.key");
        pod.Volumes.Single(v => v.Name == "tls").Secret.SecretName.Should().Be("stackblaze-webhook-tls");
        options.CatalogPath.Should().BeNull("in a cluster the catalog is listed and watched from the API server");
        options.KubeconfigPath.Should().BeNull("the pod's service account is the in-cluster configuration");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Link_policies_admit_the_ingress_and_monitoring_namespaces_and_the_lease_holder_is_the_pod(string overlay)
    {
        var container = overlays[overlay].Container;

        var policies = ServeArguments.Parse(container.Args.Skip(1).ToList()).LinkPolicies;

        policies.IngressNamespaces!.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" });
        policies.MonitoringNamespaces!.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "monitoring" });
        container.Env.Should().ContainSingle(v => v.Name == "POD_NAME").Which.ValueFrom.FieldRef.FieldPath.Should().Be("metadata.name");
    }
}
