using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
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
    private readonly byte[] _podWithBindings = Encoding.UTF8.GetBytes(Payloads.PodReviewWithBindings(16));

    public AdmissionPathBenchmarks()
    {
        var shop = Path.Combine(AppContext.BaseDirectory, "shop");
        var catalog = ManifestCatalog.FromDocuments(ManifestReader.ReadAll([shop], TextReader.Null), "default");
        _mutating = new MutatingAdmission(catalog);
        _validating = new ValidatingAdmission(catalog);
    }

    [Benchmark(Baseline = true)]
    public long Null() => Review(_pod, _ => AdmissionVerdict.Allow);

    [Benchmark]
    public long Mutate() => Review(_pod, _mutating.Review);

    /// <summary>The same pod asking for Service Bindings: what a pod that asks pays on top of <see cref="Mutate"/>.</summary>
    [Benchmark]
    public long MutateWithBindings() => Review(_podWithBindings, _mutating.Review);

    [Benchmark]
    public long Validate() => Review(_pod, _validating.Review);

    private static long Review(byte[] review, Func<AdmissionAttributes, AdmissionVerdict> decide)
    {
        // As the endpoint does it, from a body already read.
        using var document = JsonDocument.Parse(review, AdmissionReviewReader.DocumentOptions);
        var attributes = AdmissionReviewReader.Read(document.RootElement, out _)!;
        using var answer = new PooledBuffer();
        AdmissionReviewWriter.Write(answer, attributes.Uid, AdmissionAnswer.To(decide(attributes)));
        return answer.Written.Length;
    }
}
