using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// MutatingAdmission.Review on one realistic pod with three links, against a small and a big
/// catalog in turns, so that drift of the machine (turbo, other load) falls on both alike.
/// </summary>
internal static class AdmissionThroughput
{
    public sealed record Result(IReadOnlyList<double> Small, IReadOnlyList<double> Big)
    {
        public double SmallMedian => Median(Small);

        public double BigMedian => Median(Big);

        public double Ratio => BigMedian / SmallMedian;
    }

    public static Result Measure(LiveProjectCatalog small, LiveProjectCatalog big, string ns, int rounds, TimeSpan perRound)
    {
        var request = Request(ns);
        var smallAdmission = new MutatingAdmission(small);
        var bigAdmission = new MutatingAdmission(big);
        Check(smallAdmission.Review(request));
        Check(bigAdmission.Review(request));
        Run(smallAdmission, request, perRound);
        Run(bigAdmission, request, perRound);

        var smallRates = new List<double>();
        var bigRates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            smallRates.Add(Run(smallAdmission, request, perRound));
            bigRates.Add(Run(bigAdmission, request, perRound));
        }
        return new Result(smallRates, bigRates);
    }

    /// <summary>Reviews per second over one round.</summary>
    private static double Run(MutatingAdmission admission, AdmissionAttributes request, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var reviews = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++)
            {
                admission.Review(request);
            }
            reviews += 100;
        }
        return reviews / clock.Elapsed.TotalSeconds;
    }

    private static AdmissionAttributes Request(string ns)
    {
        var pod = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pod.json")))!.AsObject();
        pod["metadata"]!["namespace"] = ns;
        pod["metadata"]!["annotations"]!["stackblaze.io/links"] = "svc-0, svc-3, svc-5:grpc";
        var json = JsonDocument.Parse(pod.ToJsonString()).RootElement;
        return new AdmissionAttributes("bench", "", "Pod", "CREATE", ns, null, json, DryRun: false);
    }

    private static void Check(AdmissionOutcome outcome)
    {
        if (!outcome.Allowed || outcome.Patch.Count == 0)
        {
            throw new InvalidOperationException($"the benchmark pod was not patched: {outcome.Message}");
        }
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
