using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Catalog;

/// <summary>What the live catalog holds for one namespace; safe for one writer per kind and any number of readers.</summary>
internal sealed class ProjectNamespace(string name)
{
    private PublicRouteTable? _routes;

    public string Name { get; } = name;

    public NamespaceEntry? Namespace { get; set; }

    public bool IsProject => Namespace?.IsProject == true;

    public ConcurrentDictionary<string, ServiceEntry> Services { get; } = Map<ServiceEntry>();

    public ConcurrentDictionary<string, IngressEntry> Ingresses { get; } = Map<IngressEntry>();

    public NamespaceConfigMaps ConfigMaps { get; } = new();

    /// <summary>The public routes, built again on first use after a Service or Ingress changed.</summary>
    public PublicRouteTable Routes
    {
        get
        {
            var routes = Volatile.Read(ref _routes);
            if (routes is null)
            {
                routes = PublicRouteTable.Build([.. Services.Values], Ingresses.Values);
                // A change that lands while building clears the field again; the next reader rebuilds.
                Interlocked.CompareExchange(ref _routes, routes, null);
            }
            return routes;
        }
    }

    public void RoutesChanged() => Volatile.Write(ref _routes, null);

    // One writer per kind needs one lock, and most namespaces hold a few objects: the defaults (a
    // lock per CPU, 31 buckets) cost the dictionaries of a namespace kilobytes on a big node.
    private static ConcurrentDictionary<string, T> Map<T>() => new(concurrencyLevel: 1, capacity: 0, StringComparer.Ordinal);
}
