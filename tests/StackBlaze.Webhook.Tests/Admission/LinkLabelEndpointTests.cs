using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// POST /mutate over real HTTPS labels a pod <c>links.stackblaze.io/&lt;service&gt;: "true"</c> for
/// each linked Service (issue 19): the patch applied by kubectl as the API server would apply it.
/// </summary>
public sealed class LinkLabelEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private readonly HttpClient _client = server.Client;

    private static JsonObject Pod(JsonObject review) => review.Request()["object"]!.AsObject();

    /// <summary>The pod as the API server stores it: the answer's patch applied by kubectl, which must agree with the independent library.</summary>
    private async Task<JsonNode> MutatedAsync(JsonObject review)
    {
        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();
        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        var patched = await KubectlPatch.ApplyAsync(Pod(review), System.Text.Encoding.UTF8.GetBytes(response.DecodedPatch().ToJsonString()));
        patched.ShouldDeepEqual(review.Patched(response));
        return patched;
    }

    [Fact]
    public async Task A_pod_with_labels_gets_a_label_a_linked_Service_beside_its_own()
    {
        var pod = await MutatedAsync(Reviews.Load("frontend-pod-create.json"));

        pod["metadata"]!["labels"]!.ShouldDeepEqual(JsonNode.Parse("""
            {"app":"frontend","pod-template-hash":"7d9c6b5f4","links.stackblaze.io/backend":"true","links.stackblaze.io/postgres":"true"}
            """)!);
    }

    [Fact]
    public async Task A_pod_without_labels_gets_the_map_of_its_linked_Services()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        Pod(review)["metadata"]!.AsObject().Remove("labels");

        var pod = await MutatedAsync(review);

        pod["metadata"]!["labels"]!.ShouldDeepEqual(JsonNode.Parse("""{"links.stackblaze.io/backend":"true","links.stackblaze.io/postgres":"true"}""")!);
    }

    [Fact]
    public async Task A_label_the_user_set_to_false_is_left_as_written()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        Pod(review)["metadata"]!["labels"]!["links.stackblaze.io/postgres"] = "false";

        var pod = await MutatedAsync(review);

        ((string?)pod["metadata"]!["labels"]!["links.stackblaze.io/postgres"]).Should().Be("false");
        ((string?)pod["metadata"]!["labels"]!["links.stackblaze.io/backend"]).Should().Be("true");
    }

    [Fact]
    public async Task The_labelled_pod_sent_again_gets_no_patch()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        var first = await MutatedAsync(review);
        first["metadata"]!["labels"]!.AsObject().Should().ContainKey("links.stackblaze.io/backend");
        review.Request()["object"] = first;

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["patch"].Should().BeNull();
    }

    [Fact]
    public async Task A_pod_without_links_gets_no_labels()
    {
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations().Remove("stackblaze.io/links");

        var response = await (await _client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["patch"].Should().BeNull();
    }
}
