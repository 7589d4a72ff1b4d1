using System.Collections.Frozen;

namespace StackBlaze.Webhook.Catalog;

/// <summary>A catalog fixed at construction, as read from manifests.</summary>
public sealed class StaticServiceCatalog : IServiceCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, ServiceEntry>> _byNamespace;

    public StaticServiceCatalog(IEnumerable<ServiceEntry> services)
    {
        // The last definition of a Service wins, as it would with kubectl apply.
        _byNamespace = services
            .GroupBy(s => s.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.GroupBy(s => s.Name, StringComparer.Ordinal).ToFrozenDictionary(s => s.Key, s => s.Last(), StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    public static StaticServiceCatalog Empty { get; } = new([]);

    /// <summary>How many Services it holds.</summary>
    public int Count => _byNamespace.Values.Sum(services => services.Count);

    public ServiceEntry? FindService(string namespaceName, string name) =>
        _byNamespace.TryGetValue(namespaceName, out var services) && services.TryGetValue(name, out var service) ? service : null;

    public IReadOnlyList<string> ServiceNames(string namespaceName) =>
        _byNamespace.TryGetValue(namespaceName, out var services)
            ? services.Keys.Order(StringComparer.Ordinal).ToArray()
            : [];
}
