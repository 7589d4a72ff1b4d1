using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>What the webhook knows of the projects: from manifests, or from the cluster.</summary>
public interface IProjectCatalog
{
    /// <summary>
    /// False until the catalog holds a complete picture (the first full list of every kind from
    /// the cluster): answers from a half-filled catalog would deny pods that are fine.
    /// </summary>
    bool IsSynced { get; }

    /// <summary>How the cluster's pods name these Services: <c>.internal</c> unless its CoreDNS cannot be edited.</summary>
    ServiceHosts Hosts => ServiceHosts.Internal;

    /// <summary>Changes whenever a Service is added, changed or removed: what a link plan depends on.</summary>
    long ServicesVersion { get; }

    /// <summary>The Service, or null when the namespace has none of that name.</summary>
    ServiceEntry? FindService(string namespaceName, string name);

    /// <summary>The names of the namespace's Services, sorted, for messages.</summary>
    IReadOnlyList<string> ServiceNames(string namespaceName);

    /// <summary>Where a request to a public host and path of the namespace's project lands, or null when the host is not one of them.</summary>
    PublicRoute? FindPublicRoute(string namespaceName, string host, string path);

    /// <summary>The ConfigMap, or null.</summary>
    ConfigMapEntry? FindConfigMap(string namespaceName, string name);

    /// <summary>The Namespace, or null when the catalog has not seen it.</summary>
    NamespaceEntry? FindNamespace(string namespaceName);
}
