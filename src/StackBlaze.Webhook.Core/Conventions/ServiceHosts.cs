using System.Text.RegularExpressions;

namespace StackBlaze.Webhook.Core.Conventions;

/// <summary>How pods name a project's Service: the host of every injected address and of every suggestion.</summary>
public sealed partial record ServiceHosts
{
    public const string DefaultClusterDomain = "cluster.local";

    /// <summary>
    /// What a DNS name (253) leaves once a Service and a namespace of Kubernetes' longest names (63 each),
    /// their dots and "svc" come first: a longer domain would let a tenant's names make hosts no resolver takes.
    /// </summary>
    public const int MaxClusterDomainLength = 253 - (63 + 1 + 63 + 1 + 3 + 1);

    private ServiceHosts(HostStyle style, string clusterDomain) => (Style, ClusterDomain) = (style, clusterDomain);

    /// <summary><c>&lt;service&gt;.internal</c>, the default.</summary>
    public static ServiceHosts Internal { get; } = new(HostStyle.Internal, DefaultClusterDomain);

    public HostStyle Style { get; }

    /// <summary>The cluster's DNS domain, which only <see cref="HostStyle.Cluster"/> names use.</summary>
    public string ClusterDomain { get; }

    /// <summary>The hosts of <paramref name="style"/>; null when <paramref name="clusterDomain"/> is no DNS name, or too long for any Service's host to be one.</summary>
    public static ServiceHosts? Create(HostStyle style, string clusterDomain)
    {
        var domain = clusterDomain.TrimEnd('.');
        return domain.Length <= MaxClusterDomainLength && DnsName().IsMatch(domain) ? new ServiceHosts(style, domain) : null;
    }

    /// <summary>The host a pod of <paramref name="namespaceName"/> calls the Service by.</summary>
    public string Of(string serviceName, string namespaceName) =>
        Style == HostStyle.Internal ? $"{serviceName}.internal" : $"{serviceName}.{namespaceName}.svc.{ClusterDomain}";

    /// <summary>Why a pod of this DNS policy cannot resolve these hosts, or null when it can.</summary>
    public string? Unresolvable(string dnsPolicy) => (Style, dnsPolicy) switch
    {
        // .internal is a search-path name: only the cluster's search path takes it to the rewrite.
        (HostStyle.Internal, "Default" or "None") =>
            $"dnsPolicy is {dnsPolicy}: the pod has no cluster search path, so the .internal names its links inject will not resolve",
        // A fully qualified cluster name needs the cluster's DNS server; None names its own servers, which may be it.
        (HostStyle.Cluster, "Default") =>
            "dnsPolicy is Default: the pod asks the node's resolver, not the cluster's DNS, so the Service names its links inject will not resolve",
        _ => null,
    };

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();
}
