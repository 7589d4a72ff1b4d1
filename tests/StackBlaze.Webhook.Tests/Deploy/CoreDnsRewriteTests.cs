using System.Text.RegularExpressions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The rule of deploy/coredns/rewrite.conf, read from the file, applied to the names a pod's resolver
/// asks for. CoreDNS's regular expressions (Go's RE2) and .NET's agree on everything the rule uses.
/// </summary>
public sealed class CoreDnsRewriteTests
{
    private static readonly Lazy<Rule> Snippet = new(ReadRule);

    [Fact]
    public void Snippet_is_one_rewrite_that_stops_and_rewrites_the_answer_back()
    {
        var tokens = Snippet.Value.Tokens;

        tokens[..4].Should().Equal("rewrite", "stop", "name", "regex");
        tokens[6..].Should().Equal("answer", "auto");
    }

    [Theory]
    [InlineData("backend.internal.shop.svc.cluster.local.", "backend.shop.svc.cluster.local.")]
    [InlineData("redis-cart.internal.boutique.svc.cluster.local.", "redis-cart.boutique.svc.cluster.local.")]
    [InlineData("api2.internal.team-a-42.svc.cluster.local.", "api2.team-a-42.svc.cluster.local.")]
    public void Service_dot_internal_under_the_pods_own_namespace_becomes_the_service_of_that_namespace(string asked, string rewritten)
    {
        var rule = Snippet.Value;

        rule.From.IsMatch(asked).Should().BeTrue();
        rule.From.Replace(asked, rule.To).Should().Be(rewritten);
    }

    [Theory]
    [InlineData("backend.internal.", "absolute name with a trailing dot: no namespace to resolve in")]
    [InlineData("backend.internal.svc.cluster.local.", "second search domain: no namespace")]
    [InlineData("backend.internal.cluster.local.", "third search domain")]
    [InlineData("backend.shop.svc.cluster.local.", "an ordinary Service name")]
    [InlineData("api.backend.internal.shop.svc.cluster.local.", "a dotted prefix is not a Service name")]
    [InlineData("backend.internalx.shop.svc.cluster.local.", "not the .internal label")]
    [InlineData("backend.internal.shop.svc.cluster.local.corp.example.", "a host search domain appended")]
    [InlineData("backend.internal.shop.pod.cluster.local.", "the pod zone")]
    [InlineData("backend.internal.shop.svc.cluster.local", "CoreDNS sees fully qualified names only")]
    public void Other_names_are_left_alone(string asked, string why)
    {
        Snippet.Value.From.IsMatch(asked).Should().BeFalse(why);
    }

    private sealed record Rule(string[] Tokens, Regex From, string To);

    private static Rule ReadRule()
    {
        var line = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "coredns", "rewrite.conf"))
            .Select(l => l.Trim())
            .Should().ContainSingle(l => l.StartsWith("rewrite ", StringComparison.Ordinal)).Subject;
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        tokens.Should().HaveCount(8, line);
        // CoreDNS writes group references as {1}; .NET as ${1}.
        var to = Regex.Replace(tokens[5], @"\{([0-9]+)\}", "$${$1}");
        return new Rule(tokens, new Regex(tokens[4], RegexOptions.CultureInvariant), to);
    }
}
