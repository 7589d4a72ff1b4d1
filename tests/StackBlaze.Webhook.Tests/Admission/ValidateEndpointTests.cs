using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>POST /validate over real HTTPS: what CI's <c>kubectl apply --dry-run=server</c> sees.</summary>
public sealed class ValidateEndpointTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private const string Finding =
        "container \"worker\" ORDERS_API: calls https://api.shop.example.com/v1/orders?status=open, the public URL of service \"backend\"; "
        + "use http://backend.internal:3000/v1/orders?status=open";

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Pod_that_calls_only_internal_urls_is_allowed_without_warnings()
    {
        var response = await ValidateAsync(Reviews.Load("frontend-pod-create.json"));

        response["uid"]!.GetValue<string>().Should().Be("0f3c8a1e-5b7d-4c2a-9e61-2d4b8f0a7c11");
        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"].Should().BeNull();
        response["patch"].Should().BeNull();
    }

    [Fact]
    public async Task Deployment_calling_a_public_url_of_its_project_is_denied_with_the_internal_url_to_use()
    {
        var response = await ValidateAsync(Reviews.Load("worker-deployment-create.json"));

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["code"]!.GetValue<int>().Should().Be(403);
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            $"calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): {Finding}");
    }

    [Fact]
    public async Task Deployment_naming_a_made_up_controller_owner_is_still_denied()
    {
        // The owner reference is the tenant's own writing; only the API server's userInfo says who made it.
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["userInfo"] = new JsonObject { ["username"] = "alice@example.com", ["groups"] = new JsonArray("system:authenticated") };
        review.Request()["object"]!["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = "made-up", ["uid"] = "0000", ["controller"] = true,
        });

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().EndWith(Finding);
    }

    [Fact]
    public async Task What_the_replicaset_controller_makes_is_allowed_with_a_warning()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["userInfo"] = new JsonObject { ["username"] = "system:serviceaccount:kube-system:replicaset-controller" };

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(Finding);
    }

    [Fact]
    public async Task User_info_that_is_not_an_object_is_a_malformed_review()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["userInfo"] = "system:kube-controller-manager";

        var response = await server.Client.PostAsync("/validate", review);

        ((int)response.StatusCode).Should().Be(400);
        (await response.Content.ReadAsStringAsync()).Should().Contain("userInfo must be an object, not a string");
    }

    [Fact]
    public async Task Dry_run_is_answered_exactly_like_the_real_request()
    {
        var real = await ValidateAsync(Reviews.Load("worker-deployment-create.json"));
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["dryRun"] = true;

        var dryRun = await ValidateAsync(review);

        JsonNode.DeepEquals(dryRun, real).Should().BeTrue(dryRun.ToJsonString());
    }

    [Fact]
    public async Task Warn_mode_namespace_allows_with_one_warning_per_finding()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["namespace"] = "staging";
        review.Request()["object"]!["metadata"]!["namespace"] = "staging";
        review.Request()["object"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]![0]!["value"] = "https://api.staging.example.com/v1";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(
            "container \"worker\" ORDERS_API: calls https://api.staging.example.com/v1, the public URL of service \"backend\"; use http://backend.internal:3000/v1");
    }

    [Fact]
    public async Task Update_that_keeps_an_existing_call_is_allowed_with_a_warning()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["operation"] = "UPDATE";
        review.Request()["oldObject"] = review.Request()["object"]!.DeepClone();

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(Finding);
    }

    [Fact]
    public async Task Update_that_adds_a_call_is_denied()
    {
        var review = Reviews.Load("worker-deployment-create.json");
        review.Request()["operation"] = "UPDATE";
        var old = review.Request()["object"]!.DeepClone();
        old["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().RemoveAt(0);
        review.Request()["oldObject"] = old;

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().EndWith(Finding);
    }

    [Fact]
    public async Task Link_to_a_service_not_applied_yet_is_only_a_warning_on_a_workload()
    {
        var review = Reviews.Load("backend-deployment-update.json");
        review.Request()["object"]!["metadata"]!["annotations"]!["stackblaze.io/links"] = "postgres, payments";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(
            "link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres); its pods will be refused until it exists");
    }

    [Fact]
    public async Task Link_to_another_namespace_is_denied_on_a_workload()
    {
        var review = Reviews.Load("backend-deployment-update.json");
        review.Request()["object"]!["metadata"]!["annotations"]!["stackblaze.io/links"] = "billing/postgres";

        var response = await ValidateAsync(review);

        response["allowed"]!.GetValue<bool>().Should().BeFalse();
        response["status"]!["message"]!.GetValue<string>().Should().Be(
            "stackblaze.io/links: link \"billing/postgres\" names another namespace; projects are isolated, so link a service of this namespace as [ENV_NAME=]service[:port]");
    }

    private async Task<JsonObject> ValidateAsync(JsonObject review) =>
        await (await _client.PostAsync("/validate", review)).ReadResponseAsync();
}
