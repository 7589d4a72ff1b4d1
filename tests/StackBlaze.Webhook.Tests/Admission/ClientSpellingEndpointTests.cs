using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>POST /validate over real HTTPS: public URLs in a debug container and inside a shell command are refused.</summary>
public sealed class ClientSpellingEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private const string Refused = "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): ";

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Debug_container_added_by_kubectl_debug_calling_a_public_url_is_denied()
    {
        var response = await ValidateAsync(Reviews.Load("orders-pod-debug-update.json"));

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().Be(Refused
            + "container \"debugger-x7k2p\" ORDERS_API: calls https://api.shop.example.com/v1/orders, the public URL of service \"backend\"; "
            + "use http://backend.internal:3000/v1/orders");
    }

    [Fact]
    public async Task Debug_container_that_calls_internal_urls_only_is_allowed()
    {
        var review = Reviews.Load("orders-pod-debug-update.json");
        review.Request()["object"]!["spec"]!["ephemeralContainers"]![0]!["env"]![0]!["value"] = "http://backend.internal:3000/v1/orders";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"].Should().BeNull();
    }

    [Fact]
    public async Task Status_update_of_a_pod_is_allowed_without_being_read()
    {
        var review = Reviews.Load("orders-pod-debug-update.json");
        review.Request()["subResource"] = "status";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"].Should().BeNull();
    }

    [Theory]
    [InlineData("curl -fsS https://api.shop.example.com/health && exec app", "https://api.shop.example.com/health", "http://backend.internal:3000/health")]
    [InlineData("grpcurl dns:///api.shop.example.com:443 orders.v1.Orders/List", "dns:///api.shop.example.com:443", "dns:///backend.internal:3000")]
    [InlineData("wget -qO- api.shop.example.com/health", "api.shop.example.com/health", "backend.internal:3000/health")]
    public async Task Shell_command_in_args_calling_a_public_url_is_denied(string command, string called, string instead)
    {
        var review = Reviews.Load("orders-pod-debug-update.json");
        var request = review.Request();
        request["operation"] = "CREATE";
        request.Remove("subResource");
        request.Remove("oldObject");
        var spec = request["object"]!["spec"]!.AsObject();
        spec.Remove("ephemeralContainers");
        spec["containers"]![0]!["args"] = new JsonArray("sh", "-c", command);

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().Be(Refused
            + $"container \"app\" args[2]: calls {called}, the public URL of service \"backend\"; use {instead}");
    }

    private async Task<JsonObject> ValidateAsync(JsonObject review) =>
        await (await _client.PostAsync("/validate", review)).ReadResponseAsync();
}
