using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Docs;

/// <summary>The README's install step for DNS shows the CoreDNS rule; the copy must be the file's rule.</summary>
public sealed class DnsStepTests
{
    [Fact]
    public void Readme_dns_step_shows_the_rule_of_rewrite_conf_as_it_is()
    {
        var rule = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "coredns", "rewrite.conf"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Should().ContainSingle().Subject;

        MarkdownPage.Load("README.md").Blocks("### DNS: `<service>.internal`", "").Should().Contain(rule);
    }
}
