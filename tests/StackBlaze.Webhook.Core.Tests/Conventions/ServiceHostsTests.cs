using StackBlaze.Webhook.Core.Conventions;

namespace StackBlaze.Webhook.Tests.Conventions;

public sealed class ServiceHostsTests
{
    [Fact]
    public void Internal_style_names_the_service_alone_whatever_its_namespace()
    {
        ServiceHosts.Internal.Of("backend", "shop").Should().Be("backend.internal");
    }

    [Theory]
    [InlineData("cluster.local", "backend.shop.svc.cluster.local")]
    [InlineData("corp.example.", "backend.shop.svc.corp.example")]
    [InlineData("k8s", "backend.shop.svc.k8s")]
    public void Cluster_style_names_the_service_in_its_namespace_under_the_cluster_domain(string domain, string host)
    {
        ServiceHosts.Create(HostStyle.Cluster, domain)!.Of("backend", "shop").Should().Be(host);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Cluster.Local")]
    [InlineData("cluster..local")]
    [InlineData("-cluster.local")]
    [InlineData("cluster.local/x")]
    [InlineData("cluster local")]
    public void Cluster_domain_that_is_no_dns_name_is_refused(string domain)
    {
        ServiceHosts.Create(HostStyle.Cluster, domain).Should().BeNull();
    }

    [Fact]
    public void Cluster_domain_longer_than_a_dns_name_is_refused()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        ServiceHosts.Create(HostStyle.Cluster, domain).Should().BeNull();
    }

    [Fact]
    public void Longest_cluster_domain_taken_still_gives_the_longest_names_a_host_of_at_most_253_characters()
    {
        var domain = new string('a', 60) + "." + new string('b', 60);
        var longestName = new string('c', 63);

        ServiceHosts.Create(HostStyle.Cluster, domain)!.Of(longestName, longestName).Should().HaveLength(253);
        ServiceHosts.Create(HostStyle.Cluster, domain + "b").Should().BeNull();
    }

    [Theory]
    [InlineData(HostStyle.Internal, "Default", true)]
    [InlineData(HostStyle.Internal, "None", true)]
    [InlineData(HostStyle.Internal, "ClusterFirst", false)]
    [InlineData(HostStyle.Internal, "ClusterFirstWithHostNet", false)]
    [InlineData(HostStyle.Cluster, "Default", true)]
    [InlineData(HostStyle.Cluster, "None", false)]
    [InlineData(HostStyle.Cluster, "ClusterFirst", false)]
    public void Dns_policies_that_cannot_resolve_the_names_of_a_style_are_told(HostStyle style, string dnsPolicy, bool unresolvable)
    {
        var hosts = ServiceHosts.Create(style, ServiceHosts.DefaultClusterDomain)!;

        (hosts.Unresolvable(dnsPolicy) is not null).Should().Be(unresolvable);
    }
}
