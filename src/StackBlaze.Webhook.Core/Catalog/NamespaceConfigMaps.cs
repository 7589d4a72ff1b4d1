using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// One namespace's ConfigMaps, within <see cref="ConfigMapLimits.BytesPerNamespace"/>: an entry
/// that does not fit in what the others left is kept in part. Both catalogs keep ConfigMaps here,
/// so files and the cluster give the policy the same picture. Any number of readers; writers take
/// turns (the ConfigMap watch, a new project's list, its namespace becoming something else).
/// </summary>
internal sealed class NamespaceConfigMaps
{
    // One writer per kind at a time: one lock, no buckets until a ConfigMap comes (most namespaces have few).
    private readonly ConcurrentDictionary<string, ConfigMapEntry> _entries = new(concurrencyLevel: 1, capacity: 0, StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private long _bytes;

    /// <summary>Bytes of keys and addresses held, against <see cref="ConfigMapLimits.BytesPerNamespace"/>.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _entries.Count;

    public IEnumerable<string> Names => _entries.Keys;

    public ConfigMapEntry? Find(string name) => _entries.GetValueOrDefault(name);

    /// <summary>
    /// Adds or replaces the entry, within what the namespace's other ConfigMaps left; one whose
    /// name does not fit either is dropped, and pods reading it are warned that it is not known.
    /// </summary>
    public void Put(ConfigMapEntry entry)
    {
        lock (_writing)
        {
            var old = _entries.GetValueOrDefault(entry.Name);
            var kept = entry.Within(ConfigMapLimits.BytesPerNamespace - _bytes + (old?.Bytes ?? 0));
            if (kept is null)
            {
                _entries.TryRemove(entry.Name, out _);
            }
            else
            {
                _entries[entry.Name] = kept;
            }
            Interlocked.Add(ref _bytes, (kept?.Bytes ?? 0) - (old?.Bytes ?? 0));
        }
    }

    public void Remove(string name)
    {
        lock (_writing)
        {
            if (_entries.TryRemove(name, out var old))
            {
                Interlocked.Add(ref _bytes, -old.Bytes);
            }
        }
    }

    public void Clear()
    {
        lock (_writing)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }
}
