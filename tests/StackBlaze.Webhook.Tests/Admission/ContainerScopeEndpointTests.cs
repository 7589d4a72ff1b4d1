using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// POST /mutate over real HTTPS: <c>stackblaze.io/containers</c> limits injection, and the API
/// server's reinvocation gives a container added by a later webhook its variables, and only it.
/// </summary>
public sealed class ContainerScopeEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Pod_scoped_to_one_container_gives_only_it_the_variables_and_credentials()
    {
        var review = FrontendWithProxy();
        review.PodAnnotations()["stackblaze.io/containers"] = "web";

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.DeepEquals(response.DecodedPatch(), Reviews.LoadPatch("frontend-pod-create.patch.json"))
            .Should().BeTrue(response.DecodedPatch().ToJsonString());
    }

    [Fact]
    public async Task Reinvocation_gives_a_container_added_by_a_later_webhook_the_variables_and_touches_nothing_else()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        var first = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();
        var pod = review.Patched(first);
        pod["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "proxy", ["image"] = "registry.example.com/shop/proxy:0.9" });
        review.Request()["object"] = pod;

        var again = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        again["allowed"]!.GetValue<bool>().Should().BeTrue();
        var added = again.DecodedPatch().AsArray().Should().ContainSingle().Subject!;
        added["op"]!.GetValue<string>().Should().Be("add");
        added["path"]!.GetValue<string>().Should().Be("/spec/containers/1/env");
        added["value"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).Should().Equal("API_URL", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
    }

    [Fact]
    public async Task Reinvocation_with_nothing_missing_is_allowed_without_a_patch()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        var first = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();
        review.Request()["object"] = review.Patched(first);

        var again = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        again["allowed"]!.GetValue<bool>().Should().BeTrue();
        again["patch"].Should().BeNull();
        again["patchType"].Should().BeNull();
        again["warnings"].Should().BeNull();
    }

    [Fact]
    public async Task Malformed_container_names_are_denied_with_403_naming_the_annotation()
    {
        var review = FrontendWithProxy();
        review.PodAnnotations()["stackblaze.io/containers"] = "web, Proxy";

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["patch"].Should().BeNull();
        response["status"]!["code"]!.GetValue<int>().Should().Be(403);
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            "stackblaze.io/containers: \"Proxy\" is not a container name (a DNS label: lower-case letters, digits and '-', at most 63)");
    }

    [Fact]
    public async Task A_name_that_matches_no_container_is_a_warning_not_a_denial()
    {
        var review = FrontendWithProxy();
        review.PodAnnotations()["stackblaze.io/containers"] = "web, prxy";

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"]!.AsArray().Single()!.GetValue<string>().Should().StartWith("stackblaze.io/containers names prxy, not a container of this pod");
    }

    /// <summary>The frontend pod with a second container, "proxy", that the scope can leave out.</summary>
    private static JsonObject FrontendWithProxy()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.Request()["object"]!["spec"]!["containers"]!.AsArray().Add(new JsonObject { ["name"] = "proxy", ["image"] = "registry.example.com/shop/proxy:0.9" });
        return review;
    }
}
