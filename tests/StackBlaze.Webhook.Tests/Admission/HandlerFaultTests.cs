using System.Net;
using Microsoft.Extensions.Logging;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.MetricsScrape;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>A bug of ours mid-review becomes a clean deny and a log line, never a 5xx or a dropped connection.</summary>
public sealed class HandlerFaultTests
{
    [Theory]
    [InlineData("/mutate", "mutate")]
    [InlineData("/validate", "validate")]
    public async Task Exception_in_the_handler_is_a_200_review_denied_with_500_and_one_error_log(string path, string endpoint)
    {
        await using var server = await LoopbackServer.StartAsync(new ThrowingCatalog());

        var first = await server.Client.PostAsync(path, Reviews.Load("frontend-pod-create.json"));
        var second = await server.Client.PostAsync(path, Reviews.Load("frontend-pod-create.json"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var response = await first.ReadResponseAsync();
        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["code"]!.GetValue<int>().Should().Be(500);
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            "the StackBlaze webhook failed on this request (uid 0f3c8a1e-5b7d-4c2a-9e61-2d4b8f0a7c11); see its logs");
        response["status"]!["message"]!.GetValue<string>().Should().NotContain("test fault", "the exception stays in the logs");
        (await second.ReadResponseAsync())["status"]!["code"]!.GetValue<int>().Should().Be(500, "the connection and the server carry on");
        server.Log.GetSnapshot().Where(e => e.Id.Id == 20).Should().HaveCount(2)
            .And.OnlyContain(e => e.Level == LogLevel.Error && e.Message.Contains("uid 0f3c8a1e-5b7d-4c2a-9e61-2d4b8f0a7c11", StringComparison.Ordinal));
        (await TakeAsync(server.Client))[Requests(endpoint, "CREATE", "error")].Should().Be(2);
    }
}
