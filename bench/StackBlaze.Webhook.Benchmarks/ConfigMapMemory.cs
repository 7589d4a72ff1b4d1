using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>Managed memory the live catalog holds for ConfigMaps of 1 MiB each in project namespaces.</summary>
internal static class ConfigMapMemory
{
    public sealed record Result(long Bytes, long Counted, int Held, TimeSpan Elapsed);

    /// <summary>Loads <paramref name="configMaps"/> ConfigMaps, spread evenly over <paramref name="namespaces"/> project namespaces, one at a time as watch events come.</summary>
    public static Result Measure(int configMaps, int namespaces, Func<string, int, k8s.Models.V1ConfigMap> content)
    {
        var names = new List<(string Namespace, string Name)>(configMaps);
        var before = Settled();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var catalog = new LiveProjectCatalog();
        catalog.Replace([.. Enumerable.Range(0, namespaces).Select(i => new NamespaceEntry(SyntheticCluster.NamespaceName(i), IsProject: true, null))]);
        for (var i = 0; i < configMaps; i++)
        {
            // The object read is garbage once projected: only what the catalog keeps stays.
            var entry = ConfigMapEntry.FromConfigMap(content(SyntheticCluster.NamespaceName(i % namespaces), i), "");
            names.Add((entry.Namespace, entry.Name));
            catalog.Upsert(entry);
        }
        var elapsed = started.Elapsed;
        var loaded = Settled();
        var held = catalog.Count(CatalogKind.ConfigMaps);
        // What the limits count (keys and addresses), beside what the heap holds for them.
        var counted = names.Sum(n => catalog.FindConfigMap(n.Namespace, n.Name)?.Bytes ?? 0);
        GC.KeepAlive(catalog);
        return new Result(loaded - before, counted, held, elapsed);
    }

    private static long Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
