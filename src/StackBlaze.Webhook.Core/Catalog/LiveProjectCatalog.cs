using System.Collections.Concurrent;
using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// The catalog a cluster feeds through list and watch: lean entries in hash maps, so that
/// admission reads in constant time whatever the cluster's size, and never calls the API server.
/// </summary>
public sealed class LiveProjectCatalog : IProjectCatalog
{
    private readonly ConcurrentDictionary<string, ProjectNamespace> _namespaces = new(StringComparer.Ordinal);
    // Writers (a watch per kind) take turns; readers never wait. One turn for all kinds, so that a
    // namespace found empty and forgotten cannot take a Service another writer is adding to it.
    private readonly Lock _writing = new();
    private readonly ConcurrentDictionary<CatalogKind, bool> _synced = new();
    // Per kind, indexed by CatalogKind: one stuck watch must not hide behind the others' bookmarks.
    private readonly long[] _lastEventTicks = new long[KindCount];

    /// <summary>A namespace became a project: its ConfigMaps, ignored until now, must be listed.</summary>
    public event Action<string>? ProjectAppeared;

    private long _servicesVersion;
    private long _networkVersion;

    public ServiceHosts Hosts { get; init; } = ServiceHosts.Internal;

    public long ServicesVersion => Interlocked.Read(ref _servicesVersion);

    /// <summary>Changes whenever a Namespace, Service or Ingress changes: what <see cref="ProjectNetworks"/> are made of.</summary>
    public long NetworkVersion => Interlocked.Read(ref _networkVersion);

    private static readonly int KindCount = Enum.GetValues<CatalogKind>().Length;

    // Read by every admission request: a flag, set once, rather than a look at every kind.
    private volatile bool _isSynced;

    public bool IsSynced => _isSynced;

    /// <summary>The first full list of a kind has been applied.</summary>
    public void MarkSynced(CatalogKind kind)
    {
        _synced[kind] = true;
        if (_synced.Count == KindCount)
        {
            _isSynced = true;
        }
    }

    public bool HasSynced(CatalogKind kind) => _synced.ContainsKey(kind);

    /// <summary>
    /// When the cluster last told the catalog anything of a kind: a list, a watch event or a
    /// bookmark; null before the first. A watch that went quiet for long is a watch that may be stuck.
    /// </summary>
    public DateTimeOffset? LastEventAt(CatalogKind kind) => Interlocked.Read(ref _lastEventTicks[(int)kind]) is var ticks and not 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public void MarkEvent(CatalogKind kind, DateTimeOffset at) => Interlocked.Exchange(ref _lastEventTicks[(int)kind], at.UtcTicks);

    public int ServiceCount => _namespaces.Values.Sum(ns => ns.Services.Count);

    public int Count(CatalogKind kind) => kind switch
    {
        CatalogKind.Namespaces => _namespaces.Values.Count(ns => ns.Namespace is not null),
        CatalogKind.Services => ServiceCount,
        CatalogKind.Ingresses => _namespaces.Values.Sum(ns => ns.Ingresses.Count),
        _ => _namespaces.Values.Sum(ns => ns.ConfigMaps.Count),
    };

    public ServiceEntry? FindService(string namespaceName, string name) =>
        _namespaces.TryGetValue(namespaceName, out var ns) && ns.Services.TryGetValue(name, out var service) ? service : null;

    public IReadOnlyList<string> ServiceNames(string namespaceName) =>
        _namespaces.TryGetValue(namespaceName, out var ns) ? [.. ns.Services.Keys.Order(StringComparer.Ordinal)] : [];

    public PublicRoute? FindPublicRoute(string namespaceName, string host, string path) =>
        _namespaces.TryGetValue(namespaceName, out var ns) ? ns.Routes.Match(host, path) : null;

    public ConfigMapEntry? FindConfigMap(string namespaceName, string name) =>
        _namespaces.TryGetValue(namespaceName, out var ns) ? ns.ConfigMaps.Find(name) : null;

    public NamespaceEntry? FindNamespace(string namespaceName) =>
        _namespaces.TryGetValue(namespaceName, out var ns) ? ns.Namespace : null;

    /// <summary>The projects that opted in to NetworkPolicies from their links, sorted by namespace.</summary>
    public IReadOnlyList<ProjectNetwork> ProjectNetworks() =>
    [
        .. _namespaces.Values
            .Where(ns => ns.Namespace is { IsProject: true, HasLinkPolicies: true })
            .OrderBy(ns => ns.Name, StringComparer.Ordinal)
            .Select(ns => new ProjectNetwork(ns.Name, [.. ns.Services.Values], [.. ns.Ingresses.Values])),
    ];

    public void Upsert(NamespaceEntry entry)
    {
        lock (_writing)
        {
            var ns = State(entry.Name);
            var wasProject = ns.IsProject;
            NetworkChanged();
            ns.Namespace = entry;
            if (wasProject && !entry.IsProject)
            {
                ns.ConfigMaps.Clear();
            }
            else if (!wasProject && entry.IsProject)
            {
                ProjectAppeared?.Invoke(entry.Name);
            }
        }
    }

    public void DeleteNamespace(string name)
    {
        lock (_writing)
        {
            if (_namespaces.TryGetValue(name, out var ns))
            {
                ns.Namespace = null;
                ns.ConfigMaps.Clear();
                NetworkChanged();
                ForgetIfEmpty(ns);
            }
        }
    }

    public void Upsert(ServiceEntry entry)
    {
        lock (_writing)
        {
            var ns = State(entry.Namespace);
            // One string per namespace, not one per Service: memory per cached Service is what scales.
            ns.Services[entry.Name] = ReferenceEquals(entry.Namespace, ns.Name) ? entry : entry with { Namespace = ns.Name };
            ns.RoutesChanged();
            Interlocked.Increment(ref _servicesVersion);
            NetworkChanged();
        }
    }

    public void DeleteService(string namespaceName, string name)
    {
        lock (_writing)
        {
            if (_namespaces.TryGetValue(namespaceName, out var ns) && ns.Services.TryRemove(name, out _))
            {
                ns.RoutesChanged();
                Interlocked.Increment(ref _servicesVersion);
                NetworkChanged();
                ForgetIfEmpty(ns);
            }
        }
    }

    public void Upsert(IngressEntry entry)
    {
        lock (_writing)
        {
            var ns = State(entry.Namespace);
            ns.Ingresses[entry.Name] = entry;
            ns.RoutesChanged();
            NetworkChanged();
        }
    }

    public void DeleteIngress(string namespaceName, string name)
    {
        lock (_writing)
        {
            if (_namespaces.TryGetValue(namespaceName, out var ns) && ns.Ingresses.TryRemove(name, out _))
            {
                ns.RoutesChanged();
                NetworkChanged();
                ForgetIfEmpty(ns);
            }
        }
    }

    /// <summary>
    /// Keeps the ConfigMap only in a project namespace, within the namespace's budget: other
    /// namespaces' data is never held, nor an entry made for them.
    /// </summary>
    public void Upsert(ConfigMapEntry entry)
    {
        lock (_writing)
        {
            if (_namespaces.TryGetValue(entry.Namespace, out var ns) && ns.IsProject)
            {
                ns.ConfigMaps.Put(entry);
            }
        }
    }

    public void DeleteConfigMap(string namespaceName, string name)
    {
        lock (_writing)
        {
            if (_namespaces.TryGetValue(namespaceName, out var ns))
            {
                ns.ConfigMaps.Remove(name);
                ForgetIfEmpty(ns);
            }
        }
    }

    private void NetworkChanged() => Interlocked.Increment(ref _networkVersion);

    /// <summary>A namespace deleted, and everything in it, leaves nothing behind.</summary>
    private void ForgetIfEmpty(ProjectNamespace ns)
    {
        if (ns.Namespace is null && ns.Services.IsEmpty && ns.Ingresses.IsEmpty && ns.ConfigMaps.Count == 0)
        {
            _namespaces.TryRemove(KeyValuePair.Create(ns.Name, ns));
        }
    }

    /// <summary>The namespaces the catalog holds an entry for: those that exist, and those that still hold objects.</summary>
    public int NamespaceEntries => _namespaces.Count;

    /// <summary>After a fresh list: the kind holds exactly these objects, and nothing stale survives.</summary>
    public void Replace(IReadOnlyCollection<NamespaceEntry> entries) =>
        Replace(entries, ns => ns.Namespace is null ? [] : [ns.Name], e => e.Name, e => e.Name, Upsert, (_, name) => DeleteNamespace(name));

    public void Replace(IReadOnlyCollection<ServiceEntry> entries) =>
        Replace(entries, ns => ns.Services.Keys, e => e.Namespace, e => e.Name, Upsert, DeleteService);

    public void Replace(IReadOnlyCollection<IngressEntry> entries) =>
        Replace(entries, ns => ns.Ingresses.Keys, e => e.Namespace, e => e.Name, Upsert, DeleteIngress);

    public void Replace(IReadOnlyCollection<ConfigMapEntry> entries) =>
        Replace(entries, ns => ns.ConfigMaps.Names, e => e.Namespace, e => e.Name, Upsert, DeleteConfigMap);

    private void Replace<T>(
        IReadOnlyCollection<T> entries,
        Func<ProjectNamespace, IEnumerable<string>> held,
        Func<T, string> namespaceOf,
        Func<T, string> nameOf,
        Action<T> upsert,
        Action<string, string> delete)
    {
        var kept = entries.Select(e => (namespaceOf(e), nameOf(e))).ToHashSet();
        foreach (var ns in _namespaces.Values)
        {
            foreach (var name in held(ns).Where(name => !kept.Contains((ns.Name, name))).ToArray())
            {
                delete(ns.Name, name);
            }
        }
        foreach (var entry in entries)
        {
            upsert(entry);
        }
    }

    private ProjectNamespace State(string name) => _namespaces.GetOrAdd(name, static n => new ProjectNamespace(n));
}
