using System.Net;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Every hostile review again and again, four at a time, each with an annotation never seen
/// before, then thousands of new valid annotations to fill the caches, under the heap cap the
/// Deployment sets: every review is answered, none runs the server out of memory and none faults.
/// The resident memory this load reaches is the benchmark's (<c>-- hostile</c>, docs/hardening.md):
/// the native image as it ships, measured, not bounded in a test on a shared machine.
/// </summary>
public sealed class HostileTenantMemoryTests
{
    private const int Rounds = 4;
    private const int NewAnnotations = 3000;

    [Fact]
    public async Task Hostile_reviews_and_endless_new_annotations_under_the_heap_cap_are_all_answered_without_a_fault()
    {
        var server = new HostileTenantServer();
        await server.InitializeAsync();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                await Parallel.ForEachAsync(HostileReviews.All.Select((hostile, i) => (hostile, variant: round * 100 + i)),
                    new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, cancel) =>
                    {
                        using var answer = await server.Client.PostAsync(item.hostile.Path, Reviews.Json(item.hostile.Body(item.variant)), cancel);
                        answer.StatusCode.Should().Be(HttpStatusCode.OK);
                    });
            }

            await Parallel.ForEachAsync(Enumerable.Range(0, NewAnnotations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancel) =>
            {
                var review = HostileReviews.NewValidAnnotation(i);
                using var mutate = await server.Client.PostAsync(HostileReviews.Mutate, Reviews.Json(review), cancel);
                using var validate = await server.Client.PostAsync(HostileReviews.Validate, Reviews.Json(review), cancel);
                mutate.StatusCode.Should().Be(HttpStatusCode.OK);
                validate.StatusCode.Should().Be(HttpStatusCode.OK);
            });

            server.Process.HasExited.Should().BeFalse();
            server.Process.Lines.Should().NotContain(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal), "no review ran out of memory");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
