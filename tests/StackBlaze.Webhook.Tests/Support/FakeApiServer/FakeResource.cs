using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// One resource of the fake cluster: its objects, the history of their changes that watches
/// replay, the watches open on it, and how often it was listed and watched.
/// </summary>
internal sealed class FakeResource(ResourceKind kind, ResourceVersionClock clock)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (string? Namespace, byte[] Json)> _objects = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _history = [];
    private readonly List<Channel<StoredEvent>> _watchers = [];
    private readonly ConcurrentQueue<string> _watchedFrom = new();
    private readonly ConcurrentQueue<string> _namespacedLists = new();
    private GeneratedObjects? _generated;
    private long _compactedThrough;
    private int _lists;
    private int _watches;
    private int _listsAnswered;
    private int _watchesToSilence;
    private readonly ConcurrentQueue<string> _listLimits = new();
    private readonly ConcurrentQueue<ApiWrite> _writes = new();

    public ResourceKind Kind { get; } = kind;

    /// <summary>List requests answered, paged or not, one per page.</summary>
    public int Lists => Volatile.Read(ref _lists);

    /// <summary>Watch requests answered, including those refused with 410.</summary>
    public int Watches => Volatile.Read(ref _watches);

    /// <summary>The resourceVersion each watch asked to start from, in order.</summary>
    public IReadOnlyList<string> WatchedFrom => [.. _watchedFrom];

    /// <summary>The namespaces listed on their own (<c>/api/v1/namespaces/NS/configmaps</c>), in order.</summary>
    public IReadOnlyList<string> NamespacedLists => [.. _namespacedLists];

    /// <summary>How long a list page waits, once read, before it is sent: a slow API server.</summary>
    public TimeSpan ListDelay { get; set; }

    /// <summary>List pages sent whole.</summary>
    public int ListsAnswered => Volatile.Read(ref _listsAnswered);

    /// <summary>Counts a list page sent whole.</summary>
    public void NoteListAnswered() => Interlocked.Increment(ref _listsAnswered);

    /// <summary>The next watches stay connected and send nothing, as one behind a half-closed proxy connection does.</summary>
    public void SilenceNextWatches(int count) => Volatile.Write(ref _watchesToSilence, count);

    /// <summary>Whether this watch is one of those to keep silent.</summary>
    public bool TakeSilentWatch() => Interlocked.Decrement(ref _watchesToSilence) >= 0;

    /// <summary>Every watch is refused with 410 Gone, however new its resourceVersion: a storm of expiries.</summary>
    public bool AlwaysGone { get; set; }

    /// <summary>Every continue token has expired by the time it comes back, as on a slow server with a busy etcd.</summary>
    public bool ContinueTokensExpire { get; set; }

    /// <summary>Every request for it is refused with 403, as RBAC refuses a user without the verb.</summary>
    public bool Forbidden { get; set; }

    /// <summary>The <c>limit</c> of each list request, in order; "" for none.</summary>
    public IReadOnlyList<string> ListLimits => [.. _listLimits];

    /// <summary>Notes the limit a list asked for.</summary>
    public void NoteListLimit(string limit) => _listLimits.Enqueue(limit);

    /// <summary>The writes clients made through the API (create, update, apply, delete), in order; a test's own Put is none.</summary>
    public IReadOnlyList<ApiWrite> Writes => [.. _writes];

    /// <summary>Counts a write a client made.</summary>
    public void NoteWrite(ApiWrite write) => _writes.Enqueue(write);

    /// <summary>
    /// Reads the object of that name and, in the same turn, stores what <paramref name="change"/> makes
    /// of it (nothing when it gives null): a write no other can slip between the read and the store.
    /// </summary>
    public T Change<T>(string? ns, string name, Func<JsonObject?, (JsonObject? Store, T Result)> change)
    {
        lock (_gate)
        {
            var (store, result) = change(Get(ns, name) is { } json ? JsonNode.Parse(json)!.AsObject() : null);
            if (store is not null)
            {
                Put(store);
            }
            return result;
        }
    }

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Adds or replaces an object, stamped with the next resourceVersion; returns that version.</summary>
    public long Put(JsonObject obj)
    {
        var metadata = obj["metadata"]!.AsObject();
        var name = metadata["name"]!.GetValue<string>();
        var ns = Kind.Namespaced ? metadata["namespace"]?.GetValue<string>() ?? "default" : null;
        lock (_gate)
        {
            var key = Key(ns, name);
            var version = clock.Next();
            var existing = _objects.ContainsKey(key);
            metadata["namespace"] = ns;
            metadata["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            metadata["uid"] ??= Guid.NewGuid().ToString();
            obj["kind"] = Kind.Kind;
            obj["apiVersion"] = Kind.ApiVersion;
            var json = JsonSerializer.SerializeToUtf8Bytes(obj);
            _objects[key] = (ns, json);
            Publish(new StoredEvent(version, existing ? "MODIFIED" : "ADDED", ns, json));
            return version;
        }
    }

    /// <summary>Removes an object; false when there was none of that name.</summary>
    public bool Delete(string? ns, string name)
    {
        lock (_gate)
        {
            if (!_objects.Remove(Key(Kind.Namespaced ? ns ?? "default" : null, name), out var removed))
            {
                return false;
            }
            var version = clock.Next();
            var obj = JsonNode.Parse(removed.Json)!.AsObject();
            obj["metadata"]!["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Publish(new StoredEvent(version, "DELETED", removed.Namespace, JsonSerializer.SerializeToUtf8Bytes(obj)));
            return true;
        }
    }

    /// <summary>The object of that namespace and name, or null.</summary>
    public byte[]? Get(string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(Key(Kind.Namespaced ? ns ?? "default" : null, name), out var found) ? found.Json : null;
        }
    }

    /// <summary>Replaces the generated objects; watches from before them are told 410, as if the history had been compacted.</summary>
    public void Generate(Func<long, GeneratedObjects> make)
    {
        lock (_gate)
        {
            var version = clock.Next();
            _generated = make(version);
            _history.Clear();
            _compactedThrough = version;
        }
    }

    /// <summary>Forgets every change made so far: a watch from an older resourceVersion gets 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = clock.Current;
        }
    }

    /// <summary>Tells every open watch the current resourceVersion, with no change.</summary>
    public void Bookmark()
    {
        var bookmark = new JsonObject
        {
            ["kind"] = Kind.Kind,
            ["apiVersion"] = Kind.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = clock.Current.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        lock (_gate)
        {
            var stored = new StoredEvent(clock.Current, "BOOKMARK", null, JsonSerializer.SerializeToUtf8Bytes(bookmark));
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(stored);
            }
        }
    }

    /// <summary>One page of the list, in a stable order: generated objects first, then the others by namespace and name.</summary>
    public ListPage Page(string? ns, long? snapshot, int offset, int? limit)
    {
        Interlocked.Increment(ref _lists);
        if (ns is not null)
        {
            _namespacedLists.Enqueue(ns);
        }
        GeneratedObjects? generated;
        List<byte[]> explicitItems;
        long version;
        lock (_gate)
        {
            generated = _generated;
            explicitItems = [.. _objects.Values.Where(o => ns is null || o.Namespace == ns).Select(o => o.Json)];
            version = snapshot ?? clock.Current;
        }
        var matching = generated is null
            ? []
            : ns is null
                ? Enumerable.Range(0, generated.Count)
                : Enumerable.Range(0, generated.Count).Where(i => generated.NamespaceOf(i) == ns);
        var generatedCount = ns is null ? generated?.Count ?? 0 : matching.Count();
        var total = generatedCount + explicitItems.Count;
        var end = limit is { } l && l > 0 ? Math.Min(total, offset + l) : total;
        var items = matching.Skip(offset).Take(Math.Max(0, Math.Min(end, generatedCount) - offset)).Select(i => generated!.Make(i))
            .Concat(explicitItems.Skip(Math.Max(0, offset - generatedCount)).Take(end - Math.Max(offset, generatedCount)));
        return new ListPage(Kind, version, items, end < total ? end : null);
    }

    /// <summary>Opens a watch from a resourceVersion: the changes after it, then the ones still to come.</summary>
    public WatchStart StartWatch(string? requestedVersion)
    {
        Interlocked.Increment(ref _watches);
        _watchedFrom.Enqueue(requestedVersion ?? "");
        var channel = Channel.CreateUnbounded<StoredEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (!long.TryParse(requestedVersion, out var from) || from == 0)
            {
                // No version: the current state as ADDED events, then the changes, as the API server does.
                var current = _objects.Values.Select(o => new StoredEvent(clock.Current, "ADDED", o.Namespace, o.Json)).ToList();
                _watchers.Add(channel);
                return new WatchStart(false, 0, current, channel);
            }
            if (from < _compactedThrough || AlwaysGone)
            {
                return new WatchStart(true, _compactedThrough, [], channel);
            }
            _watchers.Add(channel);
            return new WatchStart(false, from, [.. _history.Where(e => e.ResourceVersion > from)], channel);
        }
    }

    public void StopWatch(Channel<StoredEvent> channel)
    {
        lock (_gate)
        {
            _watchers.Remove(channel);
        }
    }

    private void Publish(StoredEvent stored)
    {
        _history.Add(stored);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(stored);
        }
    }

    private static string Key(string? ns, string name) => $"{ns}/{name}";
}

/// <summary>The start of a watch: refused as too old, or the events to replay and the channel of those to come.</summary>
internal sealed record WatchStart(bool Gone, long OldestVersion, IReadOnlyList<StoredEvent> Backlog, Channel<StoredEvent> Channel);

/// <summary>One page of a list; <paramref name="NextOffset"/> is null on the last page.</summary>
internal sealed record ListPage(ResourceKind Kind, long ResourceVersion, IEnumerable<byte[]> Items, int? NextOffset);
