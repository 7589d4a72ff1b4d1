using System.Collections.Concurrent;

namespace StackBlaze.Webhook.Catalog;

/// <summary>
/// What is worked out from an annotation in a namespace and the catalog's Services, kept until a
/// Service changes: the pods of one ReplicaSet carry the same annotation, and working it out again
/// for each of them, on every review, is waste.
/// </summary>
public sealed class AnnotationCache<T>(IProjectCatalog catalog, Func<string, string, IProjectCatalog, T> workOut, int capacity = 4096)
{
    private readonly ConcurrentDictionary<(string Namespace, string Annotation), (long Version, T Value)> _values = new();

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
        // Bounded without bookkeeping: annotations are few, and a full cache only means working out again.
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }
        _values[key] = (version, value);
        return value;
    }
}
