using System.Net.Sockets;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using StackBlaze.Webhook.NetworkPolicies;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Tests.Support.FakeApiServer;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyObjects;
using static StackBlaze.Webhook.Tests.NetworkPolicies.PolicyReplica;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>
/// What the network does to the leader election and the rounds: a connection reset as it opens, or a
/// stream cut while read, can leave HttpClient as a bare SocketException or IOException, not wrapped.
/// </summary>
public sealed class NetworkPolicyNetworkFaultTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private static readonly k8s.Models.V1NetworkPolicy Backend = Policy("shop", "stackblaze-links-backend", "backend", 3000);

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.NotConnected)]
    public async Task Bare_socket_errors_on_the_lease_are_failed_tries_and_the_replica_goes_on_to_lead(SocketError error)
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var faults = new FlakyRequests("/leases/", 3, () => new SocketException((int)error));
        var desired = new ScriptedPolicies();
        desired.Set(Backend);
        await using var webhook = await StartFlakyAsync(cluster, "replica-a", faults, desired);

        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Backend.Metadata.Name) is not null, "the replica leads and applies after the faults");
        faults.Failed.Should().Be(3);
        Holder(cluster).Should().Be("replica-a");
    }

    [Fact]
    public async Task Stream_cut_while_listing_the_policies_is_a_failed_round_that_backs_off_not_a_lost_leadership()
    {
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");
        var faults = new FlakyRequests("/networkpolicies", 1, () => new IOException("The response ended prematurely."));
        var desired = new ScriptedPolicies();
        desired.Set(Backend);
        var log = new FakeLogCollector();
        await using var webhook = await StartFlakyAsync(cluster, "replica-a", faults, desired, log);

        await Eventually.HoldsAsync(() => Stored(cluster, "shop", Backend.Metadata.Name) is not null, "the next round applies");
        log.GetSnapshot().Should().Contain(r => r.Id.Id == 84 && r.Message.Contains("ended prematurely", StringComparison.Ordinal));
        log.GetSnapshot().Should().NotContain(r => r.Id.Id == 71, "the Lease was never lost");
    }

    /// <summary>A replica whose client to the fake API server goes through <paramref name="faults"/>.</summary>
    private Task<ClusterWebhook> StartFlakyAsync(FakeKubernetes cluster, string name, FlakyRequests faults, IDesiredPolicies desired, FakeLogCollector? log = null) =>
        StartAsync(cluster, fixture.Certificates, name, desired, log, services: services => services.AddSingleton(
            _ => new Kubernetes(new KubernetesClientConfiguration { Host = cluster.Address.ToString(), AccessToken = name }, faults)));

    /// <summary>Fails the first requests whose path holds a text with an exception thrown as the socket layer does, before any answer.</summary>
    private sealed class FlakyRequests(string path, int count, Func<Exception> failure) : DelegatingHandler
    {
        private int _seen;

        public int Failed => Math.Min(Volatile.Read(ref _seen), count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.Contains(path, StringComparison.Ordinal) && Interlocked.Increment(ref _seen) <= count
                ? Task.FromException<HttpResponseMessage>(failure())
                : base.SendAsync(request, cancellationToken);
    }
}
