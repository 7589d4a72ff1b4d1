using System.Net;
using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Every hostile review again and again, four at a time, each with an annotation never seen
/// before, then thousands of new valid annotations to fill the caches, under the heap cap the
/// Deployment sets: every review is answered without a fault, and the server's resident memory,
/// as the kernel counts it, stays under the Deployment's limit. (This build runs on the JIT, whose
/// code alone is 30 to 40 MB more than the native image's; the native image's own figures under the
/// same load are the benchmark's, in docs/hardening.md.)
/// </summary>
public sealed class HostileTenantMemoryTests(ITestOutputHelper output)
{
    private const int Rounds = 4;
    private const int NewAnnotations = 3000;

    [Fact]
    public async Task Hostile_reviews_and_endless_new_annotations_leave_the_server_under_its_memory_limit()
    {
        var server = new HostileTenantServer();
        await server.InitializeAsync();
        try
        {
            var idle = server.Process.ResidentBytes;
            var peak = idle;
            for (var round = 0; round < Rounds; round++)
            {
                await Parallel.ForEachAsync(HostileReviews.All.Select((hostile, i) => (hostile, variant: round * 100 + i)),
                    new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, cancel) =>
                    {
                        using var answer = await server.Client.PostAsync(item.hostile.Path, Reviews.Json(item.hostile.Body(item.variant)), cancel);
                        answer.StatusCode.Should().Be(HttpStatusCode.OK);
                    });
                peak = Math.Max(peak, server.Process.ResidentBytes);
            }
            var afterHostile = server.Process.ResidentBytes;

            await Parallel.ForEachAsync(Enumerable.Range(0, NewAnnotations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancel) =>
            {
                var review = HostileReviews.NewValidAnnotation(i);
                using var mutate = await server.Client.PostAsync(HostileReviews.Mutate, Reviews.Json(review), cancel);
                using var validate = await server.Client.PostAsync(HostileReviews.Validate, Reviews.Json(review), cancel);
                mutate.StatusCode.Should().Be(HttpStatusCode.OK);
                validate.StatusCode.Should().Be(HttpStatusCode.OK);
            });
            peak = Math.Max(peak, server.Process.ResidentBytes);

            output.WriteLine($"resident: {idle / 1024 / 1024} MiB idle, {afterHostile / 1024 / 1024} MiB after {Rounds} rounds of hostile reviews, "
                + $"{server.Process.ResidentBytes / 1024 / 1024} MiB after {NewAnnotations} new annotations, peak sampled {peak / 1024 / 1024} MiB");
            server.Process.Lines.Should().NotContain(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal), "no review ran out of memory");
            peak.Should().BeLessThan(HostileTenantServer.MemoryLimitBytes);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
