namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>serve</c>'s options for the NetworkPolicy reconciler: read when good, one line when not.</summary>
public sealed class ServeNetworkPolicyOptionsTests
{
    [Fact]
    public void Leader_election_namespace_defaults_to_the_pods_and_takes_a_namespace_name()
    {
        ServeArguments.Parse([]).LeaderElectionNamespace.Should().BeNull();
        ServeArguments.Parse(["--leader-election-namespace", "platform"]).LeaderElectionNamespace.Should().Be("platform");
    }

    [Theory]
    [InlineData("Bad_NS")]
    [InlineData("ends-with-a-dash-")]
    [InlineData("a-namespace-name-that-is-far-longer-than-the-sixty-three-characters-a-label-may-have")]
    public void Leader_election_namespace_that_is_not_a_namespace_name_is_refused(string text)
    {
        ServeArguments.Refusal(["--leader-election-namespace", text]).Should()
            .StartWith("--leader-election-namespace must be a namespace name (a DNS label), not \"");
    }

    [Fact]
    public void Leader_election_namespace_with_a_catalog_of_files_is_refused()
    {
        ServeArguments.Refusal(["--catalog", "shop.yaml", "--leader-election-namespace", "platform"]).Should()
            .Be("--leader-election-namespace is for the cluster's catalog: with --catalog no NetworkPolicy is written");
    }

    [Fact]
    public void Namespace_selectors_become_the_link_policies_match_labels()
    {
        var policies = ServeArguments.Parse(["--ingress-namespace-selector", "team=edge,tier=ingress", "--monitoring-namespace-selector", "name=monitoring"]).LinkPolicies;

        policies.IngressNamespaces!.MatchLabels.Should().Equal(new Dictionary<string, string> { ["team"] = "edge", ["tier"] = "ingress" });
        policies.MonitoringNamespaces!.MatchLabels.Should().Equal(new Dictionary<string, string> { ["name"] = "monitoring" });
        ServeArguments.Parse([]).LinkPolicies.IngressNamespaces.Should().BeNull();
    }

    [Theory]
    [InlineData("==")]
    [InlineData("")]
    [InlineData("a=b,,c=d")]
    public void Namespace_selector_that_is_not_key_value_pairs_is_refused_in_one_line(string text)
    {
        var refusal = ServeArguments.Refusal(["--ingress-namespace-selector", text]);

        refusal.Should().StartWith("--ingress-namespace-selector: ").And.NotContain("\n");
    }
}
