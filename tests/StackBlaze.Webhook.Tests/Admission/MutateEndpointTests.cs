using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>POST /mutate over real HTTPS: what the API server sends, what it gets back.</summary>
public sealed class MutateEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Pod_create_is_answered_for_its_uid_with_the_links_as_a_json_patch()
    {
        var review = Reviews.Load("frontend-pod-create.json");

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["uid"]!.GetValue<string>().Should().Be("0f3c8a1e-5b7d-4c2a-9e61-2d4b8f0a7c11");
        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"].Should().BeNull();
        JsonNode.DeepEquals(response.DecodedPatch(), Reviews.LoadPatch("frontend-pod-create.patch.json"))
            .Should().BeTrue(response.DecodedPatch().ToJsonString());
    }

    [Fact]
    public async Task Answer_states_its_length_instead_of_coming_in_chunks()
    {
        var answer = await _client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"));
        var body = await answer.Content.ReadAsByteArrayAsync();

        answer.Headers.TransferEncodingChunked.Should().NotBe(true);
        answer.Content.Headers.ContentLength.Should().Be(body.Length);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task Variable_the_container_sets_itself_is_kept_and_warned_about()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.Request()["object"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Add(new JsonObject { ["name"] = "API_URL", ["value"] = "http://localhost:3000" });

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        var warning = response["warnings"]!.AsArray().Single()!.GetValue<string>();
        warning.Should().Be("container \"web\" sets API_URL itself: kept as written, link \"backend\" not injected there");
        response.DecodedPatch().AsArray().Select(op => (op!["value"] as JsonObject)?["name"]?.GetValue<string>())
            .Should().Equal(["DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL", null, null, null], "the two link labels and the record follow");
    }

    [Fact]
    public async Task Link_to_unknown_service_is_denied_with_403_and_the_names_that_exist()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations()["stackblaze.io/links"] = "backnd";

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["patch"].Should().BeNull();
        response["status"]!["code"]!.GetValue<int>().Should().Be(403);
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            "stackblaze.io/links: link \"backnd\": namespace \"shop\" has no service \"backnd\" (it has backend, frontend, postgres)");
    }

    [Fact]
    public async Task Object_that_is_not_a_pod_is_refused_with_code_400_in_the_review()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.Request()["object"]!["spec"]!["containers"] = "web";

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["code"]!.GetValue<int>().Should().Be(400);
        response["status"]!["message"]!.GetValue<string>().Should().Be("the object cannot be read as a Pod: spec.containers is not an array");
    }

    [Fact]
    public async Task Dry_run_deployment_update_copies_its_links_into_the_pod_template()
    {
        var review = Reviews.Load("backend-deployment-update.json");

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["uid"]!.GetValue<string>().Should().Be("8a2d4e6f-1c3b-4a5d-9f7e-0b1c2d3e4f50");
        var expected = JsonNode.Parse("""
            [{ "op": "add", "path": "/spec/template/metadata/annotations", "value": { "stackblaze.io/links": "postgres" } }]
            """);
        JsonNode.DeepEquals(response.DecodedPatch(), expected).Should().BeTrue(response.DecodedPatch().ToJsonString());
    }

    [Fact]
    public async Task Health_and_readiness_answer_200()
    {
        (await _client.GetAsync("/healthz")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await _client.GetAsync("/readyz")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }
}
