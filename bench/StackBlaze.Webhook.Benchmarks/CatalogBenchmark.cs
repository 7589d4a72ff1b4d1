using System.Globalization;
using System.Runtime.InteropServices;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>docs/catalog.md's figures in one run: memory per cached Service, then admission throughput at 100,000 Services against 10.</summary>
internal static class CatalogBenchmark
{
    private const int Namespaces = 10_000;
    private const int Rounds = 7;

    public static int Run(TimeSpan perRound)
    {
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");

        var memory = MemoryPerService.Measure(Namespaces);
        Console.WriteLine($"memory: {memory.Services:N0} Services in {Namespaces:N0} namespaces hold {memory.Bytes / 1024.0 / 1024.0:0.0} MiB, "
            + $"{memory.Bytes / (double)memory.Services:0} bytes per Service ({memory.BytesWithRoutes / (double)memory.Services:0} with every namespace's public routes built)");

        // The pod's namespace is in both catalogs with the same ten Services; only the catalog around it differs.
        var podNamespace = SyntheticCluster.NamespaceName(Namespaces / 2);
        var small = SyntheticCluster.Load(1, firstNamespace: Namespaces / 2);
        var big = SyntheticCluster.Load(Namespaces);
        var throughput = AdmissionThroughput.Measure(small, big, podNamespace, Rounds, perRound);
        Console.WriteLine($"admission, {small.ServiceCount:N0} Services:  " + string.Join(" ", throughput.Small.Select(r => r.ToString("N0", CultureInfo.InvariantCulture))) + $" reviews/s, median {throughput.SmallMedian:N0}");
        Console.WriteLine($"admission, {big.ServiceCount:N0} Services: " + string.Join(" ", throughput.Big.Select(r => r.ToString("N0", CultureInfo.InvariantCulture))) + $" reviews/s, median {throughput.BigMedian:N0}");
        Console.WriteLine($"ratio 100,000 / 10: {throughput.Ratio:0.000}");
        GC.KeepAlive(small);
        GC.KeepAlive(big);
        return 0;
    }
}
