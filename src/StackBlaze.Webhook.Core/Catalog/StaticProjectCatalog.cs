using System.Collections.Frozen;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>A catalog fixed at construction, as read from manifests.</summary>
public sealed class StaticProjectCatalog : IProjectCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, ServiceEntry>> _services;
    private readonly FrozenDictionary<string, PublicRouteTable> _publicRoutes;
    private readonly FrozenDictionary<string, NamespaceConfigMaps> _configMaps;
    private readonly FrozenDictionary<string, NamespaceEntry> _namespaces;

    // The last definition of an object wins, as it would with kubectl apply.
    public StaticProjectCatalog(
        IEnumerable<ServiceEntry> services,
        IEnumerable<IngressEntry>? ingresses = null,
        IEnumerable<ConfigMapEntry>? configMaps = null,
        IEnumerable<NamespaceEntry>? namespaces = null)
    {
        _services = services.GroupBy(s => s.Namespace, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => LastByName(g, s => s.Name), StringComparer.Ordinal);
        _configMaps = (configMaps ?? []).GroupBy(c => c.Namespace, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, Within, StringComparer.Ordinal);
        _namespaces = LastByName(namespaces ?? [], n => n.Name);
        var ingressesByNamespace = (ingresses ?? []).ToLookup(i => i.Namespace, StringComparer.Ordinal);
        _publicRoutes = _services.Keys.Concat(ingressesByNamespace.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
            .Select(ns => KeyValuePair.Create(ns, PublicRouteTable.Build(
                _services.TryGetValue(ns, out var inNamespace) ? inNamespace.Values : [],
                ingressesByNamespace[ns])))
            .Where(table => !table.Value.IsEmpty)
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static StaticProjectCatalog Empty { get; } = new([]);

    public ServiceHosts Hosts { get; init; } = ServiceHosts.Internal;

    /// <summary>Always: it has everything it will ever have.</summary>
    public bool IsSynced => true;

    /// <summary>Never changes.</summary>
    public long ServicesVersion => 0;

    /// <summary>How many Services it holds.</summary>
    public int Count => _services.Values.Sum(services => services.Count);

    public ServiceEntry? FindService(string namespaceName, string name) =>
        _services.TryGetValue(namespaceName, out var services) && services.TryGetValue(name, out var service) ? service : null;

    public IReadOnlyList<string> ServiceNames(string namespaceName) =>
        _services.TryGetValue(namespaceName, out var services)
            ? services.Keys.Order(StringComparer.Ordinal).ToArray()
            : [];

    public PublicRoute? FindPublicRoute(string namespaceName, string host, string path) =>
        _publicRoutes.TryGetValue(namespaceName, out var table) ? table.Match(host, path) : null;

    public ConfigMapEntry? FindConfigMap(string namespaceName, string name) =>
        _configMaps.TryGetValue(namespaceName, out var configMaps) ? configMaps.Find(name) : null;

    public NamespaceEntry? FindNamespace(string namespaceName) => _namespaces.GetValueOrDefault(namespaceName);

    // In file order, as the cluster would have them: the same limits, and what they leave, as the live catalog.
    private static NamespaceConfigMaps Within(IEnumerable<ConfigMapEntry> entries)
    {
        var held = new NamespaceConfigMaps();
        foreach (var entry in entries)
        {
            held.Put(entry);
        }
        return held;
    }

    private static FrozenDictionary<string, T> LastByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        items.GroupBy(name, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
