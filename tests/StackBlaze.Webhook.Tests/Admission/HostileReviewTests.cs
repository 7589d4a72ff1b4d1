using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.Fuzzing;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Ten thousand AdmissionReviews made hostile from the real fixtures, sent over HTTPS to a running
/// server: every answer is a review or a refusal of the body, never a 5xx and never a fault of
/// ours, and the server is the same afterwards. Seeded: a failure prints its seed and case, and how
/// to send that case alone. What the cases leave in memory is the benchmark's (docs/hardening.md).
/// </summary>
public sealed class HostileReviewTests(ITestOutputHelper output)
{
    private const int Parallel = 8;

    [Fact]
    public async Task Ten_thousand_hostile_reviews_get_a_review_or_a_400_or_413_and_the_server_stays_as_it_was()
    {
        await using var server = await LoopbackServer.StartAsync();
        var mutator = ReviewMutator.FromFolder(FuzzRun.FixedSeed, RepositoryPaths.Fixture("Reviews"));
        var run = FuzzRun.FromEnvironment();
        var before = await BaselineAsync(server.Client);
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var failures = new ConcurrentQueue<string>();

        await System.Threading.Tasks.Parallel.ForAsync(run.From, run.To, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
        {
            var review = mutator.Create(i);
            var answer = await SendAsync(server.Client, review);
            if (answer.Status is { } status)
            {
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
            if (answer.Failure is not null)
            {
                failures.Enqueue($"{review}: {Shortened(answer.Failure)}; {FuzzRun.Replay(review.Case, nameof(HostileReviewTests))}");
            }
        });
        var after = await BaselineAsync(server.Client);

        output.WriteLine($"statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"))}");
        foreach (var fault in server.Log.GetSnapshot().Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Take(20))
        {
            output.WriteLine($"server: {fault.Id.Id} {fault.Message} {fault.Exception?.GetType().Name}: {fault.Exception?.Message} {fault.Exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("StackBlaze"))}");
        }
        // The first ten, each with its replay line: enough to start from, short enough to read.
        failures.Take(10).Should().BeEmpty("every hostile review is answered with a review or a refusal of its body ({0} failed in all)", failures.Count);
        statuses.Values.Sum().Should().Be(run.Count);
        if (run.IsWhole)
        {
            statuses.Keys.Should().Contain([HttpStatusCode.OK, HttpStatusCode.BadRequest], "the mutations reach both the domain and the parser");
        }
        after.Should().Be(before, "the server answers a real review exactly as before");
    }

    private sealed record Answer(HttpStatusCode? Status, string? Failure);

    private static async Task<Answer> SendAsync(HttpClient client, HostileReview review)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mutate") { Content = new ByteArrayContent(review.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Lets the server refuse a large body before it is sent, rather than racing the client's writes.
        request.Headers.ExpectContinue = review.Body.Length > 1024 * 1024;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, $"no answer: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.OK => new Answer(response.StatusCode, CheckReview(text)),
                HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge => new Answer(response.StatusCode, null),
                _ => new Answer(response.StatusCode, $"{(int)response.StatusCode}: {text}"),
            };
        }
    }

    /// <summary>A 200 must be a v1 AdmissionReview whose decision is not our own fault (code 500).</summary>
    private static string? CheckReview(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.GetProperty("kind").GetString() != "AdmissionReview" || !root.TryGetProperty("response", out var response))
        {
            return $"200 that is not a review: {text}";
        }
        return response.TryGetProperty("status", out var status) && status.GetProperty("code").GetInt32() == 500
            ? $"the handler faulted: {status.GetProperty("message").GetString()}"
            : null;
    }

    private static async Task<string> BaselineAsync(HttpClient client) =>
        await (await client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).Content.ReadAsStringAsync();

    private static string Shortened(string failure) => failure.Length > 600 ? failure[..600] + "..." : failure;
}
