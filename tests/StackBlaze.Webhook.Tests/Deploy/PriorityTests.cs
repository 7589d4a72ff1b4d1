using System.Globalization;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>The webhook's pods are scheduled as cluster-critical, and their namespace admits that class.</summary>
public sealed class PriorityTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private const string CriticalClass = "system-cluster-critical";

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Pods_are_system_cluster_critical(string overlay)
    {
        overlays[overlay].Deployment.Spec.Template.Spec.PriorityClassName.Should().Be(CriticalClass);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Namespace_has_a_quota_for_the_critical_class_as_clusters_that_limit_it_by_default_require(string overlay)
    {
        var manifests = overlays[overlay];
        var quota = manifests.One<V1ResourceQuota>();

        quota.Metadata.NamespaceProperty.Should().Be(manifests.Deployment.Metadata.NamespaceProperty);
        var scope = quota.Spec.ScopeSelector.MatchExpressions.Should().ContainSingle().Subject;
        (scope.ScopeName, scope.OperatorProperty).Should().Be(("PriorityClass", "In"));
        scope.Values.Should().Equal(CriticalClass);
        quota.Spec.Scopes.Should().BeNullOrEmpty();
        quota.Spec.Hard.Keys.Should().Equal("pods");
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.All), MemberType = typeof(RenderedOverlays))]
    public void Quota_never_holds_up_a_rollout_even_with_every_old_pod_still_terminating(string overlay)
    {
        var manifests = overlays[overlay];
        var spec = manifests.Deployment.Spec;
        var replicas = spec.Replicas ?? 1;
        var surge = int.Parse(spec.Strategy.RollingUpdate.MaxSurge.Value, CultureInfo.InvariantCulture);

        // Quota counts a terminating pod until its grace period ends.
        manifests.One<V1ResourceQuota>().Spec.Hard["pods"].ToInt64().Should().BeGreaterThanOrEqualTo(2 * (replicas + surge));
    }
}
