using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// What is worked out from an annotation in a namespace and the catalog's Services, kept until a
/// Service changes: the pods of one ReplicaSet carry the same annotation, and working it out again
/// for each of them, on every review, is waste. Bounded in bytes, keys included, because a tenant
/// can send a new annotation with every review.
/// </summary>
/// <param name="catalog">Whose Services version tells when a kept value is stale.</param>
/// <param name="workOut">Makes the value of an annotation in a namespace.</param>
/// <param name="sizeOf">The bytes a value holds while kept.</param>
/// <param name="maxBytes">What keys and values may hold together; a full cache only means working out again.</param>
internal sealed class AnnotationCache<T>(
    IProjectCatalog catalog, Func<string, string, IProjectCatalog, T> workOut, Func<T, long> sizeOf, long maxBytes = AnnotationCache.DefaultMaxBytes)
{
    // The dictionary's entry and the key's tuple and strings' headers, about.
    private const int EntryBytes = 128;

    // Read without the lock, as every review does; written under it, so the count of bytes stays exact.
    private readonly ConcurrentDictionary<(string Namespace, string Annotation), (long Version, T Value, long Bytes)> _values = new();
    private readonly Lock _gate = new();
    private long _bytes;

    /// <summary>What keys and values hold now, as counted.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public T Get(string annotation, string namespaceName)
    {
        // Read first: a change that lands while working out leaves the value tagged as older, so it is worked out again.
        var version = catalog.ServicesVersion;
        var key = (namespaceName, annotation);
        if (_values.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return cached.Value;
        }
        var value = workOut(annotation, namespaceName, catalog);
        var bytes = EntryBytes + 2L * (annotation.Length + namespaceName.Length) + sizeOf(value);
        // One value that would take a large share of the budget is not kept at all: it would push out many.
        if (bytes > maxBytes / AnnotationCache.MinEntriesKept)
        {
            return value;
        }
        lock (_gate)
        {
            if (_values.TryRemove(key, out var stale))
            {
                _bytes -= stale.Bytes;
            }
            // Without bookkeeping of use: a full cache is emptied and fills again with what is asked for.
            if (_bytes + bytes > maxBytes)
            {
                _values.Clear();
                _bytes = 0;
            }
            _values[key] = (version, value, bytes);
            _bytes += bytes;
        }
        return value;
    }
}

/// <summary>The budgets of <see cref="AnnotationCache{T}"/>.</summary>
internal static class AnnotationCache
{
    /// <summary>
    /// Thousands of ordinary plans (a few KB each with what they keep), and never more than this
    /// whatever a tenant sends.
    /// </summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>A value is kept only when at least this many of its size fit in the budget.</summary>
    public const int MinEntriesKept = 64;
}
