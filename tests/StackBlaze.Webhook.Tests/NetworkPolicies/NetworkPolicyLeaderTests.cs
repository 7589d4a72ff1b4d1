using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.Cluster;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyObjects;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyReplica;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>Of the replicas, the one holding the Lease writes, and another takes over when it stops.</summary>
public sealed class NetworkPolicyLeaderTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    [Fact]
    public async Task Of_two_replicas_only_the_lease_holder_writes()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Policy("shop", "stackblaze-links-backend", "backend", 3000));
        await using var a = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await using var b = await StartAsync(cluster, fixture.Certificates, "replica-b", desired);
        await Eventually.HoldsAsync(() => cluster.NetworkPolicies.Writes.Count == 1, "the policy is created");

        await SettleAsync(cluster, desired, Policy("shop", "stackblaze-links-backend", "backend", 3100), Policy("shop", "stackblaze-links-frontend", "frontend", 80));
        await SettleAsync(cluster, desired, Policy("shop", "stackblaze-links-frontend", "frontend", 80));

        var holder = Holder(cluster);
        holder.Should().BeOneOf("replica-a", "replica-b");
        cluster.NetworkPolicies.Writes.Select(w => w.User).Should().HaveCount(4).And.OnlyContain(user => user == holder);
        cluster.Leases.Writes.Where(w => w.Verb == "create").Should().ContainSingle();
    }

    [Fact]
    public async Task When_the_leader_stops_it_releases_the_lease_and_the_other_replica_takes_over()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Policy("shop", "stackblaze-links-backend", "backend", 3000));
        await using var a = await StartAsync(cluster, fixture.Certificates, "replica-a", desired);
        await Eventually.HoldsAsync(() => Holder(cluster) == "replica-a", "the first replica leads");
        await using var b = await StartAsync(cluster, fixture.Certificates, "replica-b", desired);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", "stackblaze-links-backend") is not null, "the policy is created");

        await a.StopAsync();
        // The Lease lasts 15 s: within the bound only a released one changes hands.
        await Eventually.HoldsAsync(() => Holder(cluster) == "replica-b", "the second replica leads");
        await SettleAsync(cluster, desired, Policy("shop", "stackblaze-links-frontend", "frontend", 80));

        cluster.NetworkPolicies.Writes.Select(w => (w.Verb, w.Name, w.User)).Should().Equal(
            ("apply", "stackblaze-links-backend", "replica-a"),
            ("apply", "stackblaze-links-frontend", "replica-b"),
            ("delete", "stackblaze-links-backend", "replica-b"));
    }

    [Fact]
    public async Task When_the_leader_is_cut_off_from_the_api_server_it_stops_writing_and_the_other_takes_the_expired_lease()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Policy("shop", "stackblaze-links-backend", "backend", 3000));
        // A short Lease, so that it expires within the bound; renewals given up well before it does.
        var election = Election with { LeaseDuration = TimeSpan.FromSeconds(1), RenewDeadline = TimeSpan.FromMilliseconds(500) };
        var log = new FakeLogCollector();
        await using var a = await StartAsync(cluster, fixture.Certificates, "replica-a", desired, log, election);
        await Eventually.HoldsAsync(() => Holder(cluster) == "replica-a", "the first replica leads");
        await using var b = await StartAsync(cluster, fixture.Certificates, "replica-b", desired, election: election);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", "stackblaze-links-backend") is not null, "the policy is created");

        cluster.CutOff("replica-a");
        await Eventually.HoldsAsync(() => Holder(cluster) == "replica-b", "the second replica leads");
        await SettleAsync(cluster, desired, Policy("shop", "stackblaze-links-frontend", "frontend", 80));

        log.GetSnapshot().Should().Contain(r => r.Id.Id == 71, "the cut-off leader stopped leading");
        cluster.NetworkPolicies.Writes.Select(w => (w.Verb, w.Name, w.User)).Should().Equal(
            ("apply", "stackblaze-links-backend", "replica-a"),
            ("apply", "stackblaze-links-frontend", "replica-b"),
            ("delete", "stackblaze-links-backend", "replica-b"));
    }

    [Fact]
    public async Task When_the_lease_is_found_held_by_the_other_replica_the_leader_stops_at_once_not_at_its_renew_deadline()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var desired = new ScriptedPolicies();
        desired.Set(Policy("shop", "stackblaze-links-backend", "backend", 3000));
        // Deadlines no test waits for: only seeing the other holder can stop the leader.
        var election = Election with { LeaseDuration = TimeSpan.FromMinutes(15), RenewDeadline = TimeSpan.FromMinutes(10) };
        var log = new FakeLogCollector();
        await using var a = await StartAsync(cluster, fixture.Certificates, "replica-a", desired, log, election);
        await Eventually.HoldsAsync(() => Stored(cluster, "shop", "stackblaze-links-backend") is not null, "the first replica leads and writes");
        await using var b = await StartAsync(cluster, fixture.Certificates, "replica-b", desired, election: election);

        // An operator hands the Lease over by hand (or deletes it, and the other replica creates it first).
        var lease = JsonNode.Parse(cluster.Leases.Get(LeaderElectionOptions.DefaultNamespace, LeaderElectionOptions.LeaseName)!)!.AsObject();
        lease["spec"]!["holderIdentity"] = "replica-b";
        cluster.Leases.Put(lease);

        await Eventually.HoldsAsync(() => log.GetSnapshot().Any(r => r.Id.Id == 71), "the first replica stopped leading");
        var writes = cluster.NetworkPolicies.Writes.Count;
        await SettleAsync(cluster, desired, Policy("shop", "stackblaze-links-frontend", "frontend", 80));
        Holder(cluster).Should().Be("replica-b");
        cluster.NetworkPolicies.Writes.Skip(writes).Select(w => w.User).Should().NotBeEmpty().And.OnlyContain(user => user == "replica-b");
    }
}
