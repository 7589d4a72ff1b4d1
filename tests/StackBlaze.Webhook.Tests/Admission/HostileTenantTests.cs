using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// The worst reviews a tenant can have the API server send, over HTTPS to <c>serve</c> in its own
/// process: each is answered with a review of at most 1 MiB, logs one short line at most, and
/// the server's memory stays bounded however many of them come. Times are the benchmark's
/// (docs/hardening.md), never asserted here.
/// </summary>
public sealed class HostileTenantTests(HostileTenantServer server, ITestOutputHelper output) : IClassFixture<HostileTenantServer>
{
    private const int MaxAnswerBytes = 1024 * 1024;

    // The API server's own limit on what it sends.
    private const int MaxReviewBytes = 3 * 1024 * 1024;

    private const int MaxLogLineBytes = 8 * 1024;

    public static TheoryData<int, string> Cases()
    {
        var cases = new TheoryData<int, string>();
        for (var i = 0; i < HostileReviews.All.Count; i++)
        {
            cases.Add(i, $"{HostileReviews.All[i].Path} {HostileReviews.All[i].Name}");
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_review_gets_a_small_answer_and_at_most_one_short_log_line(int index, string name)
    {
        var hostile = HostileReviews.All[index];
        var body = hostile.Body(index);
        var uid = (string)JsonNode.Parse(body)!["request"]!["uid"]!;
        body.Length.Should().BeLessThan(MaxReviewBytes, "the API server would not send it");

        using var answer = await server.Client.PostAsync(hostile.Path, Reviews.Json(body));
        var bytes = await answer.Content.ReadAsByteArrayAsync();

        output.WriteLine($"{name}: {body.Length:N0} bytes in, {bytes.Length:N0} out");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        bytes.Length.Should().BeLessThanOrEqualTo(MaxAnswerBytes);
        var response = JsonNode.Parse(bytes)!["response"]!;
        ((string)response["uid"]!).Should().Be(uid);
        if (!(bool)response["allowed"]! || response["warnings"] is not null)
        {
            // Logged after the answer is written: wait for it, then for anything more to show.
            await server.Process.WaitForLineAsync(new Regex(Regex.Escape(uid)));
            await Task.Delay(200);
            var lines = server.Process.Lines.Where(line => line.Contains(uid, StringComparison.Ordinal)).ToArray();
            lines.Should().ContainSingle().Which.Length.Should().BeLessThanOrEqualTo(MaxLogLineBytes);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(12)]
    public async Task A_hostile_review_past_a_limit_is_denied_naming_it(int index)
    {
        var hostile = HostileReviews.All[index];

        using var answer = await server.Client.PostAsync(hostile.Path, Reviews.Json(hostile.Body(index)));
        var response = await answer.ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        var message = (string)response["status"]!["message"]!;
        message.Length.Should().BeLessThanOrEqualTo(4000);
        message.Should().MatchRegex("at most [0-9]+|and [0-9]+ more");
    }
}
