using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StackBlaze.Webhook.Benchmarks;

// load: the load comparison of docs/performance.md; alloc: bytes per review (BenchmarkDotNet);
// catalog: the live catalog's memory and throughput of docs/catalog.md; configmaps: the memory it
// holds for ConfigMaps of 1 MiB, also in docs/catalog.md; hostile: the hostile-input table of
// docs/hardening.md; catalog-list: the first list of a big cluster under the heap cap, also in
// docs/catalog.md; compare: this build's server against an earlier build's, side by side; soak,
// idle-connections and fuzz: the sustained-load, idle-connection and mutated-review figures of
// docs/hardening.md, which the tests of the same load no longer measure. The server under load is
// bench/StackBlaze.Webhook.BenchServer, which each entry publishes and starts itself.
return args.FirstOrDefault() switch
{
    "load" => await LoadHarness.RunAsync(
        Repository(),
        TimeSpan.FromSeconds(Option("--duration", 5)),
        Option("--rounds", 3),
        Path.Combine(Repository(), "docs", "performance")),
    "alloc" => Alloc(),
    "catalog" => CatalogBenchmark.Run(TimeSpan.FromSeconds(Option("--seconds", 1))),
    "configmaps" => ConfigMapBenchmark.Run(Option("--namespaces", 100)),
    "hostile" => await HostileBenchmark.RunAsync(Repository(), Option("--heap-mib", 192)),
    "catalog-list" => await CatalogListBenchmark.RunAsync(Repository(), Option("--heap-mib", 192), Option("--rounds", 3)),
    "soak" => await SoakBenchmark.RunAsync(Repository(), TimeSpan.FromSeconds(Option("--seconds", 60))),
    "idle-connections" => await IdleConnectionsBenchmark.RunAsync(Repository()),
    "fuzz" => await FuzzBenchmark.RunAsync(Repository()),
    "compare" when args.Length > 1 => await BuildComparison.RunAsync(
        Repository(), args[1], TimeSpan.FromSeconds(Option("--duration", 5)), Option("--rounds", 5)),
    _ => Usage(),
};

static int Alloc()
{
    // In process: the figures are bytes per call, which need no separate process to be exact.
    var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(8);
    BenchmarkRunner.Run<AdmissionPathBenchmarks>(DefaultConfig.Instance.AddJob(job));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/StackBlaze.Webhook.Benchmarks -- load [--duration SECONDS] [--rounds N] | alloc | catalog [--seconds PER_ROUND] | configmaps [--namespaces N] | hostile [--heap-mib N] | catalog-list [--heap-mib N] [--rounds N] | soak [--seconds N] | idle-connections | fuzz | compare BASELINE_BENCH_SERVER [--duration SECONDS] [--rounds N]");
    return 2;
}

static string Repository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "StackBlaze.Webhook.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("run the harness from within the repository");
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
