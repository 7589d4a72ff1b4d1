namespace StackBlaze.Webhook.Benchmarks;

/// <summary>Managed memory the live catalog holds per cached Service, namespaces and dictionaries included.</summary>
internal static class MemoryPerService
{
    public sealed record Result(long Bytes, long BytesWithRoutes, int Services);

    public static Result Measure(int namespaces)
    {
        var before = Settled();
        var catalog = SyntheticCluster.Load(namespaces);
        var loaded = Settled();
        // Admission builds a namespace's public routes on first use; count them as a server that has seen every namespace.
        for (var i = 0; i < namespaces; i++)
        {
            catalog.FindPublicRoute(SyntheticCluster.NamespaceName(i), "example.com", "/");
        }
        var withRoutes = Settled();
        var services = catalog.ServiceCount;
        GC.KeepAlive(catalog);
        return new Result(loaded - before, withRoutes - before, services);
    }

    private static long Settled()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
