namespace StackBlaze.Webhook.Core.Conventions;

/// <summary>Which name of a Service the injected variables and the policy's suggestions use.</summary>
public enum HostStyle
{
    /// <summary><c>backend.internal</c>, which the CoreDNS rewrite of deploy/coredns resolves in the pod's own namespace.</summary>
    Internal,

    /// <summary><c>backend.shop.svc.cluster.local</c>, which every cluster DNS resolves: for clusters whose CoreDNS cannot be edited.</summary>
    Cluster,
}
