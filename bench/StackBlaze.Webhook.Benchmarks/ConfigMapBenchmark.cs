using System.Runtime.InteropServices;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>docs/catalog.md's ConfigMap figures: what the live catalog holds for 1,000 ConfigMaps of 1 MiB, of each content.</summary>
internal static class ConfigMapBenchmark
{
    private const int ConfigMaps = 1_000;

    public static int Run(int namespaces)
    {
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");
        foreach (var (name, content) in new (string, Func<string, int, k8s.Models.V1ConfigMap>)[]
        {
            ("realistic", ConfigMapContents.Realistic),
            ("worst for the limits", ConfigMapContents.WorstForTheLimits),
        })
        {
            // Reading the first objects fills the JSON reader's and scanner's caches, once per process: not the catalog's.
            ConfigMapMemory.Measure(10, 10, content);
            var result = ConfigMapMemory.Measure(ConfigMaps, namespaces, content);
            Console.WriteLine($"configmaps, {name}: {ConfigMaps:N0} of 1 MiB in {namespaces:N0} namespaces, {result.Held:N0} held, "
                + $"{result.Bytes / 1024.0 / 1024.0:N1} MiB ({result.Bytes / (double)ConfigMaps / 1024.0:N1} KiB per ConfigMap; keys and addresses counted by the limits "
            + $"{result.Counted / 1024.0 / 1024.0:N1} MiB), loaded in {result.Elapsed.TotalSeconds:N1} s");
        }
        return 0;
    }
}
