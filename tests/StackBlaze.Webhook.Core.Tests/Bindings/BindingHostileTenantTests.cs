using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Bindings.BindingsSupport;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>What a tenant can put in a pod against the bindings: entries of the webhook's names by the thousand, a root set twice.</summary>
public class BindingHostileTenantTests
{
    // Far more than any pod of the webhook's has: each would be one removal in the answer.
    private const int Many = 20_000;

    [Theory]
    [InlineData("annotations", "true")]
    [InlineData("annotations", null)]
    [InlineData("volumes", "true")]
    [InlineData("mounts", "true")]
    public void Thousands_of_entries_of_the_webhooks_names_are_denied_before_a_patch_is_made(string what, string? bindings)
    {
        var pod = AskingPod();
        if (bindings is null)
        {
            Annotations(pod).Remove(StackBlazeAnnotations.ServiceBindings);
        }
        for (var i = 0; i < Many; i++)
        {
            switch (what)
            {
                case "annotations":
                    Annotations(pod)[$"s{i}.bindings.stackblaze.io/type"] = "x";
                    break;
                case "volumes":
                    pod["spec"]!["volumes"]!.AsArray().Add(new JsonObject { ["name"] = $"stackblaze-binding-s{i}", ["emptyDir"] = new JsonObject() });
                    break;
                default:
                    pod["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray().Add(new JsonObject { ["name"] = $"stackblaze-binding-s{i}", ["mountPath"] = $"/m/{i}" });
                    break;
            }
        }

        var (injection, _) = Run(pod);

        injection.IsDenied.Should().BeTrue($"{injection.Patch.Count} operations would answer it");
        injection.Patch.Should().BeEmpty();
        injection.Errors.Should().ContainSingle().Which.Should().Contain($"at most {ReviewLimits.MaxBindingBytes}");
    }

    [Fact]
    public void A_container_that_sets_its_root_twice_gets_the_bindings_where_the_kubelets_last_value_says()
    {
        var asking = AskingPod();
        var env = asking["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Add(new JsonObject { ["name"] = "SERVICE_BINDING_ROOT", ["value"] = "/first" });
        env.Add(new JsonObject { ["name"] = "SERVICE_BINDING_ROOT", ["value"] = "/etc/bindings" });

        var (injection, pod) = Run(asking);

        injection.IsDenied.Should().BeFalse(string.Join("; ", injection.Errors));
        BindingMountsOf(pod, "containers", 0).Should().Equal(MountJson("backend", "/etc/bindings"), MountJson("postgres", "/etc/bindings"));
        Run(pod).Injection.Patch.Should().BeEmpty();
    }

    [Fact]
    public void Explain_does_not_say_the_bindings_miss_a_container_that_sets_its_own_root_where_they_are_mounted()
    {
        var asking = AskingPod();
        asking["spec"]!["containers"]![0]!["env"]!.AsArray().Add(new JsonObject { ["name"] = "SERVICE_BINDING_ROOT", ["value"] = "/etc/bindings" });
        var (injection, _) = Run(asking);

        var explained = Explainer.Explain(ManifestReader.Parse(asking.ToJsonString(), "pod.json"), Services.Shop, Services.Namespace).Single();

        injection.Warnings.Should().BeEmpty("the webhook mounts the bindings at the container's root");
        explained.Reasons.Should().NotContain(r => r.Variable == "SERVICE_BINDING_ROOT", "explain says what the webhook does");
    }
}
