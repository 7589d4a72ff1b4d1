using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>
/// <c>inject -f</c> runs the webhook's pod injection over pod templates: the templates get the labels
/// of their linked Services as the webhook gives a pod, and the workload's selector is left alone.
/// </summary>
public sealed class InjectLinkLabelCommandTests(WebhookServerFixture server) : IClassFixture<WebhookServerFixture>
{
    private static async Task<V1Deployment> InjectedFrontendAsync()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/shop"]);
        result.ExitCode.Should().Be(0, result.Stderr);
        return TypedManifests.Load(result.Stdout, "inject output").OfType<V1Deployment>().Single(d => d.Metadata.Name == "frontend");
    }

    [Fact]
    public async Task The_frontend_template_is_labelled_for_backend_and_postgres_and_its_selector_is_untouched()
    {
        var frontend = await InjectedFrontendAsync();

        frontend.Spec.Template.Metadata.Labels.Should().Equal(new Dictionary<string, string>
        {
            ["app"] = "frontend",
            ["links.stackblaze.io/backend"] = "true",
            ["links.stackblaze.io/postgres"] = "true",
        });
        frontend.Spec.Selector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["app"] = "frontend" });
    }

    [Fact]
    public async Task A_pod_made_from_the_injected_template_gets_no_patch_from_the_webhook()
    {
        var template = (await InjectedFrontendAsync()).Spec.Template;
        var review = Reviews.Load("frontend-pod-create.json");
        var pod = review.Request()["object"]!.AsObject();
        pod["metadata"] = JsonNode.Parse(KubernetesJson.Serialize(template.Metadata));
        pod["spec"] = JsonNode.Parse(KubernetesJson.Serialize(template.Spec));

        var response = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();

        response["allowed"]!.GetValue<bool>().Should().BeTrue();
        response["patch"].Should().BeNull(pod["metadata"]!.ToJsonString());
    }
}
