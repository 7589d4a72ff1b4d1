using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// docs/catalog.md's first-list figures: the native server, as the image ships it, under the heap
/// cap of deploy/base/deployment.yaml, follows the tests' fake API server holding 100,000 Services
/// in 10,000 project namespaces and 250 ConfigMaps of 1 MiB elsewhere; per round, the time until
/// <c>/readyz</c> answers 200 and the peak resident memory (VmHWM) on the way there.
/// </summary>
internal static partial class CatalogListBenchmark
{
    private const int Namespaces = 10_000;
    private const int ServicesPerNamespace = 10;
    private const int BigConfigMaps = 250;

    public static async Task<int> RunAsync(string repository, int heapMib, int rounds)
    {
        var executable = await PublishedServer.PublishNativeAsync(
            Path.Combine(repository, "src", "StackBlaze.Webhook", "StackBlaze.Webhook.csproj"), "stackblaze-webhook");
        Console.WriteLine($"{Namespaces * ServicesPerNamespace:N0} Services, {BigConfigMaps} ConfigMaps of 1 MiB, heap cap {heapMib} MiB, native server");
        var ready = new List<double>();
        var peaks = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (seconds, peakMb) = await RoundAsync(executable, heapMib);
            ready.Add(seconds);
            peaks.Add(peakMb);
            Console.WriteLine($"round {round + 1}: ready after {seconds:0.0} s, peak resident {peakMb:0} MiB");
        }
        Console.WriteLine($"median: ready after {Median(ready):0.0} s, peak resident {Median(peaks):0} MiB");
        return 0;
    }

    private static async Task<(double Seconds, double PeakMb)> RoundAsync(string executable, int heapMib)
    {
        await using var cluster = await FakeKubernetes.StartAsync();
        cluster.Generate(Namespaces, i => new V1Namespace { Metadata = new V1ObjectMeta { Name = NamespaceName(i), Labels = new Dictionary<string, string> { ["stackblaze.io/project"] = NamespaceName(i) } } });
        cluster.Generate(Namespaces * ServicesPerNamespace, i => new V1Service
        {
            Metadata = new V1ObjectMeta { Name = $"svc-{i % ServicesPerNamespace}", NamespaceProperty = NamespaceName(i / ServicesPerNamespace) },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Name = "http", Port = 8000 }] },
        });
        var filler = new string('x', 1024 * 1024 - 64);
        cluster.Generate(BigConfigMaps, i => new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = $"blob-{i}", NamespaceProperty = "bulk" },
            Data = new Dictionary<string, string> { ["blob"] = filler },
        });
        var folder = Directory.CreateTempSubdirectory("stackblaze-list-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--kubeconfig", cluster.WriteKubeconfig(folder), "--urls", "https://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_GCHeapHardLimit"] = (heapMib * 1024L * 1024).ToString("X", CultureInfo.InvariantCulture);
        start.Environment.Remove("KUBERNETES_SERVICE_HOST");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            var url = await ListeningAsync(process);
            var caFile = Path.Combine(Path.GetTempPath(), "stackblaze-webhook", $"dev-ca-{process.Id}.pem");
            using var client = TrustingClient.Create(caFile);
            client.BaseAddress = url;
            while ((await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
            {
                if (process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new InvalidOperationException("the server did not become ready within 3 minutes");
                }
                await Task.Delay(100);
            }
            return (clock.Elapsed.TotalSeconds, PeakResidentMb(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Uri> ListeningAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            // A JSON log line when the output is not a terminal: the address is one field of it.
            if (ListeningPattern().Match(line) is { Success: true } listening)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new Uri(listening.Groups[1].Value);
            }
        }
        throw new InvalidOperationException("the server exited before listening");
    }

    /// <summary>The most resident memory the process has had, from /proc: what a memory limit is checked against.</summary>
    private static double PeakResidentMb(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string NamespaceName(int index) => $"ns-{index:D5}";

    [GeneratedRegex(@"Listening on (https://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningPattern();
}
