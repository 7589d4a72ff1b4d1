using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary><c>kubectl debug</c>: an UPDATE of the pod's ephemeralcontainers subresource, judged for the containers it adds.</summary>
public class ValidatingAdmissionEphemeralContainerTests
{
    private static readonly JsonElement Running = Pods.Element(Pod("SHOP_HOST", "shop.example.com"));

    private static JsonElement Debugged(string value)
    {
        var pod = Pod("SHOP_HOST", "shop.example.com");
        pod["spec"]!["ephemeralContainers"] = new JsonArray(new JsonObject
        {
            ["name"] = "debugger",
            ["image"] = "busybox:1.36",
            ["command"] = new JsonArray("sh", "-c", value),
        });
        return Pods.Element(pod);
    }

    private static AdmissionVerdict Validate(JsonElement pod, string subResource) =>
        new ValidatingAdmission(Project()).Review(Reviews.Pod(pod, Operation.Update) with { OldObjectJson = Running, SubResource = subResource });

    [Fact]
    public void Debug_container_calling_a_public_url_is_denied_and_the_pods_own_call_only_warned_about()
    {
        var outcome = Validate(Debugged("wget -qO- api.shop.example.com/v1/orders"), "ephemeralcontainers");

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(
            "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): container \"debugger\" command[2]: "
            + "calls api.shop.example.com/v1/orders, the public URL of service \"backend\"; use backend.internal:3000/v1/orders");
        outcome.Warnings.Should().Equal(
            "container \"app\" SHOP_HOST: calls shop.example.com, the public URL of service \"frontend\"; use frontend.internal");
    }

    [Fact]
    public void Debug_container_calling_internal_urls_only_is_allowed()
    {
        Validate(Debugged("wget -qO- backend.internal:3000/v1/orders"), "ephemeralcontainers").Allowed.Should().BeTrue();
    }

    [Theory]
    [InlineData("status")]
    [InlineData("binding")]
    [InlineData("resize")]
    public void Other_subresources_of_a_pod_are_allowed_unread(string subResource)
    {
        var outcome = Validate(Debugged("wget -qO- api.shop.example.com/v1/orders"), subResource);

        outcome.Should().Be(AdmissionVerdict.Allow);
    }
}
