using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// POST /mutate over real HTTPS with <c>stackblaze.io/service-bindings</c>: the bindings in the
/// patch, none on reinvocation, a bad value denied naming the annotation, and the worst a tenant
/// can link answered small.
/// </summary>
public sealed class ServiceBindingsEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    // HostileTenantTests' bound on any answer.
    private const int MaxAnswerBytes = 1024 * 1024;

    [Fact]
    public async Task A_pod_that_asks_gets_its_bindings_and_reinvocation_gets_no_patch()
    {
        var review = Asking(Reviews.Load("frontend-pod-create.json"));

        var first = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();
        var pod = review.Patched(first);

        first["allowed"]!.GetValue<bool>().Should().BeTrue();
        pod["metadata"]!["annotations"]!["postgres.bindings.stackblaze.io/uri"]!.GetValue<string>().Should().Be("postgresql://postgres.internal:5432/mydb");
        pod["spec"]!["volumes"]!.AsArray().Select(v => (string)v!["name"]!).Should().Equal("stackblaze-binding-backend", "stackblaze-binding-postgres");
        pod["spec"]!["volumes"]![1]!["projected"]!["sources"]![1]!["secret"]!["name"]!.GetValue<string>().Should().Be("postgres-credentials");
        pod["spec"]!["containers"]![0]!["volumeMounts"]!.ToJsonString().Should().Be(
            """[{"name":"stackblaze-binding-backend","mountPath":"/bindings/backend","readOnly":true},{"name":"stackblaze-binding-postgres","mountPath":"/bindings/postgres","readOnly":true}]""");
        pod["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string)e!["name"]!).Should().Contain("SERVICE_BINDING_ROOT");

        review.Request()["object"] = pod;
        var again = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();

        again["allowed"]!.GetValue<bool>().Should().BeTrue();
        again["patch"].Should().BeNull();
        again["warnings"].Should().BeNull();
    }

    [Fact]
    public async Task A_value_other_than_true_or_false_is_denied_with_403_naming_the_annotation()
    {
        var review = Asking(Reviews.Load("frontend-pod-create.json"), "enabled");

        var response = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["code"]!.GetValue<int>().Should().Be(403);
        response["status"]!["message"]!.GetValue<string>().Should().StartWith("stackblaze.io/service-bindings: \"enabled\" is neither \"true\" nor \"false\"");
    }

    [Fact]
    public async Task A_hundred_services_of_the_longest_names_with_credentials_are_denied_in_a_small_answer()
    {
        var services = Enumerable.Range(0, ReviewLimits.MaxLinkEntries).Select(i => LongNamedServices.Numbered(i, "shop")).ToArray();
        await using var crowded = await LoopbackServer.StartAsync(new StaticProjectCatalog(services));

        using var answer = await crowded.Client.PostAsync("/mutate", LinkingAll(services, containers: 10));
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        var response = JsonNode.Parse(bytes)!["response"]!.AsObject();

        bytes.Length.Should().BeLessThan(8 * 1024);
        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().MatchRegex(
            "^stackblaze.io/service-bindings: the bindings of 100 Services add about \\d+ bytes to a pod; at most 131072 are added to one pod$");
    }

    [Fact]
    public async Task Twenty_services_of_the_longest_names_in_six_containers_answer_well_under_the_limit()
    {
        var services = Enumerable.Range(0, 20).Select(i => LongNamedServices.Numbered(i, "shop")).ToArray();
        await using var crowded = await LoopbackServer.StartAsync(new StaticProjectCatalog(services));

        using var answer = await crowded.Client.PostAsync("/mutate", LinkingAll(services, containers: 6));
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        var response = JsonNode.Parse(bytes)!["response"]!.AsObject();

        response["allowed"]!.GetValue<bool>().Should().BeTrue(response["status"]?.ToJsonString());
        ((JsonObject)response).DecodedPatch().ToJsonString().Should().Contain("stackblaze-binding-");
        bytes.Length.Should().BeLessThan(MaxAnswerBytes / 2, $"{bytes.Length} bytes");
    }

    [Fact]
    public async Task A_pod_with_as_many_annotations_of_the_bindings_names_as_a_request_holds_is_denied_in_a_small_answer()
    {
        var review = Asking(Reviews.Load("frontend-pod-create.json"));
        for (var i = 0; i < 60_000; i++)
        {
            review.PodAnnotations()[$"s{i}.bindings.stackblaze.io/type"] = "x";
        }

        using var answer = await server.Client.PostAsync("/mutate", review);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        var response = JsonNode.Parse(bytes)!["response"]!.AsObject();

        bytes.Length.Should().BeLessThan(8 * 1024, "one removal each would answer megabytes");
        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().StartWith("stackblaze.io/service-bindings: ").And.EndWith("at most 131072 are added to one pod");
    }

    private static JsonObject Asking(JsonObject review, string value = "true")
    {
        review.PodAnnotations()["stackblaze.io/service-bindings"] = value;
        return review;
    }

    /// <summary>A pod of <paramref name="containers"/> containers that links every one of <paramref name="services"/> and asks for bindings.</summary>
    private static JsonObject LinkingAll(ServiceEntry[] services, int containers)
    {
        var review = Asking(Reviews.Load("frontend-pod-create.json"));
        review.PodAnnotations()["stackblaze.io/links"] = LongNamedServices.LinkingAll(services);
        review.Request()["object"]!["spec"]!["containers"] = new JsonArray([.. Enumerable.Range(0, containers).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{i}" })]);
        return review;
    }
}
