using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>What the live catalog holds for one namespace; safe for one writer per kind and any number of readers.</summary>
internal sealed class ProjectNamespace(string name)
{
    // The table with the count of Service and Ingress changes it was built after; a table whose
    // count is not the current one misses a change, and is never used or kept.
    private BuiltRoutes? _routes;
    private long _routeChanges;

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
            // Read before the maps: a change that lands while building counts past it, so the table
            // is tagged older than the change and built again by the next reader, never kept as current.
            var changes = Interlocked.Read(ref _routeChanges);
            var built = Volatile.Read(ref _routes);
            if (built is not null && built.Changes == changes)
            {
                return built.Table;
            }
            var table = PublicRouteTable.Build([.. Services.Values], Ingresses.Values);
            // Only over an older table: a reader that started earlier must not replace a newer one.
            if (built is null || built.Changes < changes)
            {
                Interlocked.CompareExchange(ref _routes, new BuiltRoutes(table, changes), built);
            }
            return table;
        }
    }

    /// <summary>Called after a Service or Ingress of the namespace changed in its map.</summary>
    public void RoutesChanged() => Interlocked.Increment(ref _routeChanges);

    private sealed record BuiltRoutes(PublicRouteTable Table, long Changes);

    // One writer per kind needs one lock, and most namespaces hold a few objects: the defaults (a
    // lock per CPU, 31 buckets) cost the dictionaries of a namespace kilobytes on a big node.
    private static ConcurrentDictionary<string, T> Map<T>() => new(concurrencyLevel: 1, capacity: 0, StringComparer.Ordinal);
}
