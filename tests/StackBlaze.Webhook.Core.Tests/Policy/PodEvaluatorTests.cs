using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Core.Workloads;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

public class PodEvaluatorTests
{
    private static PodEvaluation Evaluate(JsonObject pod, string? policy = null)
    {
        var evaluation = PodEvaluator.Evaluate(Pods.Element(pod), PodKinds.Pod, Services.Namespace, Project(policy), out var error);
        error.Should().BeNull();
        return evaluation!;
    }

    private static JsonObject WithDnsPolicy(JsonObject pod, string dnsPolicy)
    {
        pod["spec"]!["dnsPolicy"] = dnsPolicy;
        return pod;
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("None")]
    public void Dns_policy_without_the_cluster_search_path_and_links_is_a_warning(string dnsPolicy)
    {
        var evaluation = Evaluate(WithDnsPolicy(Pods.Annotated(LinksTo("backend")), dnsPolicy));

        evaluation.Warnings.Should().Equal(
            $"dnsPolicy is {dnsPolicy}: the pod has no cluster search path, so the .internal names its links inject will not resolve");
        evaluation.LinkErrors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("ClusterFirst")]
    [InlineData("ClusterFirstWithHostNet")]
    public void Dns_policy_with_the_cluster_search_path_is_no_warning(string dnsPolicy)
    {
        Evaluate(WithDnsPolicy(Pods.Annotated(LinksTo("backend")), dnsPolicy)).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Dns_policy_default_without_links_is_no_warning()
    {
        Evaluate(WithDnsPolicy(Pods.Annotated(), "Default")).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Pod_that_opts_out_of_injection_has_neither_link_checks_nor_a_dns_warning()
    {
        var evaluation = Evaluate(WithDnsPolicy(Pods.Annotated(LinksTo("backend.other"), (StackBlazeAnnotations.Inject, "false")), "None"));

        evaluation.LinkErrors.Should().BeEmpty();
        evaluation.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Off_mode_has_no_findings()
    {
        Evaluate(Pod("ORDERS_API", "https://api.shop.example.com"), "off").Findings.Should().BeEmpty();
    }

    [Fact]
    public void Warn_mode_still_has_its_findings_for_the_caller_to_turn_into_warnings()
    {
        Evaluate(Pod("ORDERS_API", "https://api.shop.example.com"), "warn").Findings.Should().ContainSingle();
    }

    [Fact]
    public void Pod_without_containers_cannot_be_read()
    {
        var evaluation = PodEvaluator.Evaluate(Json.Parse("""{"spec":{}}"""), PodKinds.Pod, Services.Namespace, Project(), out var error);

        evaluation.Should().BeNull();
        error.Should().Be("the object cannot be read as a Pod: spec.containers is missing or empty");
    }
}
