using k8s;

namespace StackBlaze.Webhook.Cluster;

/// <summary>Who competes for which Lease, and client-go's timings for holding it.</summary>
/// <param name="Namespace">The Lease's namespace: the webhook's own.</param>
/// <param name="Identity">This replica's name in the Lease's holderIdentity.</param>
/// <param name="LeaseDuration">How long others wait, after the holder's last renewal they saw, before taking the Lease.</param>
/// <param name="RenewDeadline">How long the holder keeps failing to renew before it stops acting as leader.</param>
/// <param name="RetryPeriod">How often the Lease is tried and renewed.</param>
internal sealed record LeaderElectionOptions(string Namespace, string Identity, TimeSpan LeaseDuration, TimeSpan RenewDeadline, TimeSpan RetryPeriod)
{
    /// <summary>Where the install puts the webhook when neither the pod nor the command line says.</summary>
    public const string DefaultNamespace = "stackblaze-system";

    /// <summary>The Lease of the network policy reconciler.</summary>
    public const string LeaseName = "stackblaze-webhook-network-policies";

    /// <summary>
    /// client-go's defaults (15 s, 10 s, 2 s); the namespace given with <c>--leader-election-namespace</c>,
    /// else the pod's (its service account's), else <see cref="DefaultNamespace"/>; the identity POD_NAME, else the
    /// host name and a random suffix, so two processes on one machine never share it.
    /// </summary>
    public static LeaderElectionOptions Resolve(string? namespaceOption) => new(
        namespaceOption ?? (KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig().Namespace : null) ?? DefaultNamespace,
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : $"{Environment.MachineName}_{Guid.NewGuid():N}",
        TimeSpan.FromSeconds(15),
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(2));
}
