using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>What a container runs or is given beyond env, command and args, that once passed enforce mode (issue 14 attack review).</summary>
public class ValidatingAdmissionContainerConfigTests
{
    private static AdmissionVerdict Validate(AdmissionAttributes request) => new ValidatingAdmission(Project()).Review(request);

    private static JsonObject Container(JsonObject pod) => pod["spec"]!["containers"]![0]!.AsObject();

    [Theory]
    [InlineData("lifecycle", "postStart")]
    [InlineData("lifecycle", "preStop")]
    [InlineData("livenessProbe", null)]
    [InlineData("readinessProbe", null)]
    [InlineData("startupProbe", null)]
    public void Exec_command_of_a_hook_or_probe_calling_a_public_url_is_refused(string field, string? hook)
    {
        var pod = Pods.Annotated();
        var exec = new JsonObject { ["exec"] = new JsonObject { ["command"] = new JsonArray("sh", "-c", "curl -fsS https://api.shop.example.com/v1/warmup") } };
        Container(pod)[field] = hook is null ? exec : new JsonObject { [hook] = exec };

        var outcome = Validate(Reviews.Pod(Pods.Element(pod)));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain($"container \"app\" {field}{(hook is null ? "" : "." + hook)}.exec.command[2]: calls https://api.shop.example.com/v1/warmup");
    }

    [Fact]
    public void Env_taken_from_a_pod_annotation_through_field_ref_is_refused()
    {
        var pod = Pods.Annotated(("upstream", "https://api.shop.example.com/v1/orders"));
        Container(pod)["env"] = new JsonArray(new JsonObject
        {
            ["name"] = "ORDERS_API",
            ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.annotations['upstream']" } },
        });

        var outcome = Validate(Reviews.Pod(Pods.Element(pod)));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("container \"app\" ORDERS_API (annotation upstream): calls https://api.shop.example.com/v1/orders");
    }

    [Fact]
    public void Variable_reference_the_kubelet_expands_into_a_public_url_is_refused()
    {
        // Kubernetes itself expands $(API_HOST) from the env entry above it: the webhook has both pieces in the object.
        var pod = Pod([("API_HOST", "api"), ("ORDERS_API", "https://$(API_HOST).shop.example.com/v1/orders")]);

        var outcome = Validate(Reviews.Pod(Pods.Element(pod)));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("container \"app\" ORDERS_API (with $(API_HOST) expanded): calls https://api.shop.example.com/v1/orders");
    }

    [Fact]
    public void Exempt_variable_expanded_into_an_unexempt_one_is_refused()
    {
        // API_ORIGIN is exempt by its name; the kubelet expands it into ORDERS_API, which the program calls.
        var pod = Pod([("API_ORIGIN", "https://api.shop.example.com"), ("ORDERS_API", "$(API_ORIGIN)/v1/orders")]);

        Validate(Reviews.Pod(Pods.Element(pod))).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Exempt_variable_expanded_into_args_is_refused()
    {
        var pod = Pod("NEXT_PUBLIC_API", "https://api.shop.example.com/v1");
        Container(pod)["args"] = new JsonArray("--upstream=$(NEXT_PUBLIC_API)/orders");

        var outcome = Validate(Reviews.Pod(Pods.Element(pod)));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain("container \"app\" args[0] (with $(NEXT_PUBLIC_API) expanded): calls https://api.shop.example.com/v1/orders");
    }

    [Fact]
    public void Exempt_variable_expanded_into_another_exempt_one_is_allowed()
    {
        var pod = Pod([("API_ORIGIN", "https://api.shop.example.com"), ("NEXT_PUBLIC_API", "$(API_ORIGIN)/v1")]);

        Validate(Reviews.Pod(Pods.Element(pod))).Allowed.Should().BeTrue();
    }
}
