using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyObjects;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyReplica;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>The cluster's policies follow the opted-in projects' Services, Ingresses and labels, as the catalog sees them change.</summary>
public sealed class NetworkPolicyReconcilerTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Opted_in_project_gets_a_policy_per_service_and_a_project_that_did_not_opt_in_gets_none()
    {
        await using var cluster = await StartAsync();
        cluster.Put(Project("blog", optedIn: false));
        cluster.Put(Service("blog", "web", "web", 8080));
        await using var webhook = await PolicyReplica.StartAsync(cluster, fixture.Certificates, "replica-a");

        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 2, "the shop's two policies are created");

        cluster.NetworkPolicies.Writes.Select(w => (w.Verb, w.Namespace, w.Name)).Should().BeEquivalentTo(
            [("apply", "shop", "stackblaze-links-backend"), ("apply", "shop", "stackblaze-links-frontend")]);
        var backend = Stored(cluster, "shop", "stackblaze-links-backend")!;
        backend["spec"]!["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>().Should().Be("backend");
        Ports(backend).Should().Equal(3000);
    }

    [Fact]
    public async Task Service_whose_port_or_selector_changes_gets_its_policy_applied_again()
    {
        await using var cluster = await StartAsync();
        await using var webhook = await PolicyReplica.StartAsync(cluster, fixture.Certificates, "replica-a");
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 2, "the policies are created");

        cluster.Put(Service("shop", "backend", "api", 3100));

        var (policy, _) = await Eventually.ProbeAsync(
            () => Task.FromResult(Stored(cluster, "shop", "stackblaze-links-backend")!), p => Ports(p).SequenceEqual([3100]), "the policy has the new port");
        policy["spec"]!["podSelector"]!["matchLabels"]!["app"]!.GetValue<string>().Should().Be("api");
        cluster.NetworkPolicies.Writes.Skip(2).Should().ContainSingle().Which.Name.Should().Be("stackblaze-links-backend");
    }

    [Fact]
    public async Task Ingress_to_a_service_makes_its_policy_admit_the_ingress_namespaces()
    {
        await using var cluster = await StartAsync();
        await using var webhook = await PolicyReplica.StartAsync(cluster, fixture.Certificates, "replica-a");
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 2, "the policies are created");
        NamespaceSelectors(Stored(cluster, "shop", "stackblaze-links-frontend")!).Should().BeEmpty();

        cluster.Put(ClusterObjects.Ingress("shop", "web", "shop.example.com", "frontend", "http"));

        await Eventually.HoldsAsync(
            () => NamespaceSelectors(Stored(cluster, "shop", "stackblaze-links-frontend")!).SequenceEqual(["ingress-nginx"]), "the frontend admits the ingress namespace");
        NamespaceSelectors(Stored(cluster, "shop", "stackblaze-links-backend")!).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleted_service_and_a_namespace_that_drops_the_label_lose_their_policies()
    {
        await using var cluster = await StartAsync();
        cluster.Put(Project("blog"));
        cluster.Put(Service("blog", "web", "web", 8080));
        await using var webhook = await PolicyReplica.StartAsync(cluster, fixture.Certificates, "replica-a");
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 3, "the policies are created");

        cluster.Delete(Service("shop", "frontend", "frontend", 80));
        cluster.Put(Project("blog", optedIn: false));

        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 5, "two policies are deleted");
        cluster.NetworkPolicies.Writes.Skip(3).Select(w => (w.Verb, w.Namespace, w.Name)).Should().BeEquivalentTo(
            [("delete", "shop", "stackblaze-links-frontend"), ("delete", "blog", "stackblaze-links-web")]);
        Stored(cluster, "shop", "stackblaze-links-backend").Should().NotBeNull();
    }

    /// <summary>The opted-in shop: a backend and a frontend Service, each selecting its pods.</summary>
    private static async Task<FakeKubernetes> StartAsync()
    {
        var cluster = await FakeKubernetes.StartAsync();
        cluster.Put(Project("shop"));
        cluster.Put(Service("shop", "backend", "backend", 3000));
        cluster.Put(Service("shop", "frontend", "frontend", 80));
        return cluster;
    }

    private static IEnumerable<int> Ports(JsonNode policy) =>
        policy["spec"]!["ingress"]![0]!["ports"]!.AsArray().Select(p => p!["port"]!.GetValue<int>());

    private static IEnumerable<string> NamespaceSelectors(JsonNode policy) =>
        policy["spec"]!["ingress"]!.AsArray().SelectMany(rule => rule!["from"]!.AsArray())
            .Select(peer => peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.GetValue<string>()).OfType<string>();
}
