using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.JsonWriting;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Benchmarks;

/// <summary>
/// Managed bytes per review on the in-process admission path, from bytes in to bytes out: the null
/// path (parse, allow) against ours (parse, decide, patch), on the same 16 KB pod.
/// </summary>
[MemoryDiagnoser]
public class AdmissionPathBenchmarks
{
    private readonly MutatingAdmission _mutating;
    private readonly ValidatingAdmission _validating;
    private readonly byte[] _pod = Encoding.UTF8.GetBytes(Payloads.PodReview(16));

    public AdmissionPathBenchmarks()
    {
        var shop = Path.Combine(AppContext.BaseDirectory, "shop");
        var catalog = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([shop], TextReader.Null), "default");
        _mutating = new MutatingAdmission(catalog);
        _validating = new ValidatingAdmission(catalog);
    }

    [Benchmark(Baseline = true)]
    public long Null() => Review(_ => AdmissionOutcome.Allow);

    [Benchmark]
    public long Mutate() => Review(_mutating.Review);

    [Benchmark]
    public long Validate() => Review(_validating.Review);

    private long Review(Func<AdmissionAttributes, AdmissionOutcome> decide)
    {
        // As the endpoint does it, from a body already read.
        using var document = JsonDocument.Parse(_pod, AdmissionReviewReader.DocumentOptions);
        var attributes = AdmissionReviewReader.Read(document.RootElement, out _)!;
        using var answer = new RentedBuffer();
        AdmissionReviewWriter.Write(attributes.Uid, decide(attributes), answer);
        return answer.WrittenSpan.Length;
    }
}
