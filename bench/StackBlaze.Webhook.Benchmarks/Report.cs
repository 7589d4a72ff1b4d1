using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>Medians per scenario, ratios to the null webhook of the same run, and the latency plot.</summary>
internal static class Report
{
    public static string Table(IReadOnlyList<LoadResult> results, IReadOnlyList<double> startupMs, IReadOnlyList<MemoryPeak> memory, TimeSpan duration, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians of {rounds} interleaved rounds of {duration.TotalSeconds:0} s each; ratios are to the null webhook of the same build in the same round set, given the same body (a pod, or a Deployment). native: published with native AOT, as the image ships it; jit: the same server on the JIT, for comparison.");
        text.AppendLine();
        text.AppendLine("| build | endpoint | pod | conns | req/s | x null | p50 ms | p99 ms | x null p99 | p99.9 ms | errors |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var scenario in results.GroupBy(r => (r.Build, r.SizeKb, r.Connections, r.Endpoint))
            .OrderBy(g => g.Key.Build == "jit").ThenBy(g => g.Key.SizeKb).ThenBy(g => g.Key.Connections))
        {
            var ceiling = scenario.Key.Endpoint.EndsWith("deployment", StringComparison.Ordinal) ? LoadHarness.NullDeployment : "null";
            var baseline = results.Where(r => r.Build == scenario.Key.Build && r.SizeKb == scenario.Key.SizeKb
                && r.Connections == scenario.Key.Connections && r.Endpoint == ceiling).ToArray();
            var rps = LoadHarness.Median(scenario.Select(r => r.RequestsPerSecond));
            var p99 = LoadHarness.Median(scenario.Select(r => r.P99Ms));
            var nullRps = LoadHarness.Median(baseline.Select(r => r.RequestsPerSecond));
            var nullP99 = LoadHarness.Median(baseline.Select(r => r.P99Ms));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {scenario.Key.Build} | {scenario.Key.Endpoint} | {scenario.Key.SizeKb} KB | {scenario.Key.Connections} | {rps:F0} | {rps / nullRps:F2} | "
                + $"{LoadHarness.Median(scenario.Select(r => r.P50Ms)):F2} | {p99:F2} | {p99 / nullP99:F2} | "
                + $"{LoadHarness.Median(scenario.Select(r => r.P999Ms)):F2} | {scenario.Sum(r => r.Errors)} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Start to /readyz 200 of the published native server (median of {startupMs.Count}): {LoadHarness.Median(startupMs):F0} ms.");
        foreach (var server in memory)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Resident memory of the {server.Build} server: {server.IdleMb:F0} MB idle after warm-up, {server.PeakMb:F0} MB at most under load.");
        }
        return text.ToString();
    }

    /// <summary>p50 and p99 per endpoint against connections, 16 KB pods, drawn by gnuplot.</summary>
    public static async Task PlotAsync(IReadOnlyList<LoadResult> results, string pngFile)
    {
        var data = Path.Combine(Path.GetDirectoryName(pngFile)!, "latency.dat");
        var rows = new StringBuilder("# connections endpoint p50 p99\n");
        var endpoints = results.Select(r => r.Endpoint).Distinct().ToArray();
        foreach (var endpoint in endpoints)
        {
            rows.AppendLine(CultureInfo.InvariantCulture, $"# {endpoint}");
            foreach (var group in results.Where(r => r.Endpoint == endpoint && r.SizeKb == 16).GroupBy(r => r.Connections).OrderBy(g => g.Key))
            {
                rows.AppendLine(CultureInfo.InvariantCulture,
                    $"{group.Key} {LoadHarness.Median(group.Select(r => r.P50Ms)):F3} {LoadHarness.Median(group.Select(r => r.P99Ms)):F3}");
            }
            rows.AppendLine().AppendLine();
        }
        await File.WriteAllTextAsync(data, rows.ToString());

        var plots = string.Join(", ", endpoints.Select((e, i) =>
            $"'{data}' index {i} using 1:2 with linespoints title '{e} p50', '{data}' index {i} using 1:3 with linespoints dashtype 2 title '{e} p99'"));
        var script = $"""
            set terminal pngcairo size 900,540
            set output '{pngFile}'
            set title 'Latency with 16 KB pods over keep-alive TLS (median of rounds)'
            set xlabel 'concurrent connections'
            set ylabel 'ms'
            set logscale x 2
            set key top left
            set grid
            plot {plots}
            """;
        var gnuplot = Process.Start(new ProcessStartInfo("gnuplot") { RedirectStandardInput = true })!;
        await gnuplot.StandardInput.WriteAsync(script);
        gnuplot.StandardInput.Close();
        await gnuplot.WaitForExitAsync();
    }
}
