using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Catalog;

/// <summary>What the live catalog holds for one namespace; safe for one writer per kind and any number of readers.</summary>
internal sealed class ProjectNamespace(string name)
{
    private PublicRouteTable? _routes;

    public string Name { get; } = name;

    public NamespaceEntry? Namespace { get; set; }

    public bool IsProject => Namespace?.IsProject == true;

    public ConcurrentDictionary<string, ServiceEntry> Services { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IngressEntry> Ingresses { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConfigMapEntry> ConfigMaps { get; } = new(StringComparer.Ordinal);

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
}
