using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>POST /validate answers warnings as the API server keeps them: each under 256 characters, 4 KiB in all.</summary>
public sealed class ValidateWarningLimitEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    [Fact]
    public async Task Warn_mode_warnings_are_kept_under_256_characters()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["namespace"] = "staging";
        review.Request()["object"]!["metadata"]!["namespace"] = "staging";
        review.Request()["object"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"] = new JsonArray(
            Env("ORDERS_API", "https://api.staging.example.com/v1/orders"),
            Env("REPORTS_API", "https://api.staging.example.com/v1/" + new string('x', 200)));

        var response = await (await server.Client.PostAsync("/validate", review)).ReadResponseAsync();

        var warnings = response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        warnings.Should().HaveCount(2).And.OnlyContain(w => w.Length < 256);
        warnings[1].Should().HaveLength(255).And.EndWith("…");
    }

    [Fact]
    public async Task Update_that_adds_no_call_is_allowed_with_warnings_cut_to_what_the_api_server_keeps()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["object"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"] =
            new JsonArray([.. Enumerable.Range(0, 150).Select(i => Env($"API_{i}", $"https://api.shop.example.com/v1/{i}"))]);

        var response = await (await server.Client.PostAsync("/validate", review.AsUpdateOfItself())).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        var warnings = response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        warnings.Sum(w => w.Length).Should().BeLessThanOrEqualTo(4096);
        warnings[^1].Should().StartWith("and ").And.EndWith("more warnings, left out");
    }

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
