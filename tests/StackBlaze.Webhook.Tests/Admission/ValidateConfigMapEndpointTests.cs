using System.Text.Json.Nodes;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>POST /validate over real HTTPS for ConfigMaps, and for pods reading one the catalog does not have.</summary>
public sealed class ValidateConfigMapEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private const string Finding =
        "key ORDERS_API: calls https://***@api.shop.example.com/v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders";

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Config_map_key_calling_a_public_url_is_denied_with_the_internal_url_and_no_credential()
    {
        var response = await ValidateAsync(Reviews.Load("worker-settings-configmap-create.json"));

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["code"]!.GetValue<int>().Should().Be(403);
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            $"calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): {Finding}");
        response.ToJsonString().Should().NotContainAny("hunter2", "s3cret");
    }

    [Fact]
    public async Task File_keys_and_exempt_names_alone_are_allowed()
    {
        var review = Reviews.Load("worker-settings-configmap-create.json");
        review.Request()["object"]!["data"]!.AsObject().Remove("ORDERS_API");

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"].Should().BeNull();
    }

    [Fact]
    public async Task Warn_mode_namespace_allows_with_the_finding_as_a_warning()
    {
        var review = Reviews.Load("worker-settings-configmap-create.json");
        review.Request()["namespace"] = "staging";
        review.Request()["object"]!["data"]!["ORDERS_API"] = "https://api.staging.example.com/v1/orders";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response.Warnings().Should().Equal(
            "key ORDERS_API: calls https://api.staging.example.com/v1/orders, the public URL of service \"backend\"; use http://backend.internal:3000/v1/orders");
    }

    [Fact]
    public async Task Update_keeping_the_call_is_allowed_with_a_warning()
    {
        var response = await ValidateAsync(Reviews.Load("worker-settings-configmap-create.json").AsUpdateOfItself());

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response.Warnings().Should().Equal(Finding);
    }

    [Fact]
    public async Task Thousands_of_keys_calling_public_urls_get_a_bounded_denial_that_counts_them()
    {
        var review = Reviews.Load("worker-settings-configmap-create.json");
        review.Request()["object"]!["data"] = new JsonObject(Enumerable.Range(0, 5_000)
            .Select(i => KeyValuePair.Create($"API_{i:D4}_URL", (JsonNode?)$"https://api.shop.example.com/v1/{i}")));

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        var message = response["status"]!["message"]!.GetValue<string>();
        message.Length.Should().BeLessThanOrEqualTo(AdmissionAnswer.MaxMessageLength);
        message.Should().EndWith($"and {ReviewLimits.MaxFindingsKept + 1 - ReviewLimits.MaxProblemsListed} more");
        response["auditAnnotations"]!["public-url-findings"]!.GetValue<string>().Should().Be("5000");
    }

    [Fact]
    public async Task Pod_reading_a_config_map_not_known_yet_is_allowed_with_a_warning()
    {
        var response = await ValidateAsync(Reviews.Load("worker-pod-configmap-create.json"));

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response.Warnings().Should().Equal(
            "ConfigMap worker-settings is not known to the webhook yet, so its values were not checked for public URLs; "
            + "the ConfigMap is checked itself when it is created or changed");
    }

    private async Task<JsonObject> ValidateAsync(JsonObject review) =>
        await (await _client.PostAsync("/validate", review)).ReadResponseAsync();
}
