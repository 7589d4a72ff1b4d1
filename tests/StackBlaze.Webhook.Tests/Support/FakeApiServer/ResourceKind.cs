namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>What names a resource on the wire.</summary>
/// <param name="Plural">The path segment: <c>services</c>.</param>
/// <param name="Kind">The kind of its objects: <c>Service</c>; lists are <c>ServiceList</c>.</param>
/// <param name="ApiVersion">Its group and version: <c>v1</c>, <c>networking.k8s.io/v1</c>.</param>
/// <param name="Namespaced">Whether its objects live in namespaces.</param>
internal sealed record ResourceKind(string Plural, string Kind, string ApiVersion, bool Namespaced)
{
    public static ResourceKind Namespaces { get; } = new("namespaces", "Namespace", "v1", false);

    public static ResourceKind Services { get; } = new("services", "Service", "v1", true);

    public static ResourceKind ConfigMaps { get; } = new("configmaps", "ConfigMap", "v1", true);

    public static ResourceKind Ingresses { get; } = new("ingresses", "Ingress", "networking.k8s.io/v1", true);

    public static ResourceKind NetworkPolicies { get; } = new("networkpolicies", "NetworkPolicy", "networking.k8s.io/v1", true);

    public static ResourceKind Leases { get; } = new("leases", "Lease", "coordination.k8s.io/v1", true);

    public static ResourceKind Pods { get; } = new("pods", "Pod", "v1", true);

    public static ResourceKind ReplicationControllers { get; } = new("replicationcontrollers", "ReplicationController", "v1", true);

    public static ResourceKind Deployments { get; } = new("deployments", "Deployment", "apps/v1", true);

    public static ResourceKind StatefulSets { get; } = new("statefulsets", "StatefulSet", "apps/v1", true);

    public static ResourceKind DaemonSets { get; } = new("daemonsets", "DaemonSet", "apps/v1", true);

    public static ResourceKind ReplicaSets { get; } = new("replicasets", "ReplicaSet", "apps/v1", true);

    public static ResourceKind Jobs { get; } = new("jobs", "Job", "batch/v1", true);

    public static ResourceKind CronJobs { get; } = new("cronjobs", "CronJob", "batch/v1", true);

    /// <summary>How the API server names the resource in its messages: <c>services</c>, <c>leases.coordination.k8s.io</c>.</summary>
    public string QualifiedName => ApiVersion.Contains('/', StringComparison.Ordinal) ? $"{Plural}.{ApiVersion.Split('/')[0]}" : Plural;

    /// <summary>Every kind the fake serves.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        Namespaces, Services, ConfigMaps, Ingresses, NetworkPolicies, Leases, Pods, ReplicationControllers, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs,
    ];
}
