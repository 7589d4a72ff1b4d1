using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

public class PodInjectorLimitTests
{
    [Fact]
    public void More_variables_in_all_containers_than_a_pod_may_get_is_denied_before_any_patch_is_made()
    {
        // 100 links of one variable each, into 11 containers: 1,100.
        var links = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"V{i}_URL=backend"));
        var pod = PodWith(links, containers: 11);

        var (injection, _) = Run(pod);

        injection.Patch.Should().BeEmpty();
        injection.Errors.Should().Equal(
            $"100 variables in each of 11 containers make 1100; at most {ReviewLimits.MaxInjectedVariables} are injected into one pod");
    }

    [Fact]
    public void Only_the_containers_in_scope_count_against_the_limit()
    {
        var links = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"V{i}_URL=backend"));
        var pod = PodWith(links, containers: 11);
        pod["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = string.Join(',', Enumerable.Range(0, 10).Select(i => $"c{i}"));

        var (injection, patched) = Run(pod);

        injection.IsDenied.Should().BeFalse();
        EnvNamesOf(patched, "containers", 9).Should().HaveCount(100);
        EnvNamesOf(patched, "containers", 10).Should().BeEmpty();
    }

    [Fact]
    public void Exactly_as_many_variables_as_a_pod_may_get_are_injected()
    {
        var links = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"V{i}_URL=backend"));

        var (injection, patched) = Run(PodWith(links, containers: 10));

        injection.IsDenied.Should().BeFalse();
        EnvNamesOf(patched, "containers", 9).Should().HaveCount(100);
    }

    [Fact]
    public void Variables_whose_json_is_larger_than_a_pod_may_get_are_denied()
    {
        // Few variables, but names as long as the annotation allows: the bytes, not the count, are over.
        var links = string.Join(", ", Enumerable.Range(0, 6).Select(i => $"V{i}_{new string('X', 2500)}=backend"));

        var (injection, _) = Run(PodWith(links, containers: 100));

        injection.Errors.Should().ContainSingle().Which.Should().EndWith($"at most {ReviewLimits.MaxInjectedBytes} are injected into one pod");
    }

    private static JsonObject PodWith(string links, int containers)
    {
        var pod = Pods.Annotated((StackBlazeAnnotations.Links, links));
        pod["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray([.. Enumerable.Range(0, containers).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{i}" })]),
        };
        return pod;
    }
}
