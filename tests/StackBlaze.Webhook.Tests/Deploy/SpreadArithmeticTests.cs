using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The shipped spread constraint put through the scheduler's filter as the API documents it (a
/// node is allowed when its matching pods + 1 - the fewest on any eligible node is at most
/// maxSkew), on the clusters that matter: one node, a tainted control plane with one worker, and
/// two workers through a rolling update.
/// </summary>
public sealed class SpreadArithmeticTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly Node ControlPlane = new("control-plane", Tainted: true);
    private static readonly Node Worker1 = new("worker-1", Tainted: false);
    private static readonly Node Worker2 = new("worker-2", Tainted: false);

    private V1TopologySpreadConstraint Shipped =>
        overlays[RenderedOverlays.Base].Deployment.Spec.Template.Spec.TopologySpreadConstraints.Single();

    [Fact]
    public void One_node_runs_both_replicas()
    {
        Node[] nodes = [new("kind-control-plane", Tainted: false)];

        var placed = Schedule(Shipped, nodes, [], "v1", "v1");

        placed.Select(p => p.Node).Should().Equal(nodes[0], nodes[0]);
    }

    [Fact]
    public void Tainted_control_plane_and_one_worker_run_both_replicas_on_the_worker()
    {
        Node[] nodes = [ControlPlane, Worker1];

        Schedule(Shipped, nodes, [], "v1", "v1").Select(p => p.Node).Should().Equal(Worker1, Worker1);
        var ignoringTaints = new V1TopologySpreadConstraint
        {
            MaxSkew = Shipped.MaxSkew, TopologyKey = Shipped.TopologyKey, WhenUnsatisfiable = Shipped.WhenUnsatisfiable,
            LabelSelector = Shipped.LabelSelector, MatchLabelKeys = Shipped.MatchLabelKeys, NodeTaintsPolicy = "Ignore",
        };
        Allowed(ignoringTaints, nodes, [new Pod(Worker1, "v1")], "v1").Should().BeEmpty(
            "counting the control plane as a node with no replica would leave the second one pending");
    }

    [Fact]
    public void Two_workers_take_one_replica_each()
    {
        Node[] nodes = [ControlPlane, Worker1, Worker2];

        var placed = Schedule(Shipped, nodes, [], "v1", "v1");

        placed.Select(p => p.Node).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("worker-1")]
    [InlineData("worker-2")]
    public void Rolling_update_on_two_workers_ends_with_the_new_replicas_on_different_nodes(string oldPodThatGoesFirst)
    {
        Node[] nodes = [ControlPlane, Worker1, Worker2];
        List<Pod> running = [new(Worker1, "old"), new(Worker2, "old")];

        // maxSurge 1: the first new pod comes while both old ones run, and may share either node.
        Allowed(Shipped, nodes, running, "new").Should().Equal(Worker1, Worker2);
        running.Add(new Pod(Worker1, "new"));
        // Once it is ready one old pod terminates (the scheduler no longer counts it); the second
        // new pod is kept off the first one's node, whichever old pod went.
        running.Remove(new Pod(nodes.Single(n => n.Name == oldPodThatGoesFirst), "old"));

        Allowed(Shipped, nodes, running, "new").Should().Equal(Worker2);
    }

    [Fact]
    public void Counted_over_all_revisions_the_new_replicas_could_end_on_one_node()
    {
        Node[] nodes = [ControlPlane, Worker1, Worker2];
        // The surge pod joined the old one on worker-1, and that old pod went first.
        List<Pod> running = [new(Worker1, "new"), new(Worker2, "old")];

        Allowed(WithoutRevisions(Shipped), nodes, running, "new").Should().Contain(Worker1,
            "the old pod left on worker-2 evens the count, so the second new pod may join the first");
    }

    private static V1TopologySpreadConstraint WithoutRevisions(V1TopologySpreadConstraint spread) => new()
    {
        MaxSkew = spread.MaxSkew, TopologyKey = spread.TopologyKey, WhenUnsatisfiable = spread.WhenUnsatisfiable,
        LabelSelector = spread.LabelSelector, NodeTaintsPolicy = spread.NodeTaintsPolicy, NodeAffinityPolicy = spread.NodeAffinityPolicy,
    };

    private sealed record Node(string Name, bool Tainted);

    private sealed record Pod(Node Node, string Revision);

    private static List<Pod> Schedule(V1TopologySpreadConstraint spread, Node[] nodes, List<Pod> running, params string[] revisions)
    {
        List<Pod> placed = [];
        foreach (var revision in revisions)
        {
            var node = Allowed(spread, nodes, [.. running, .. placed], revision).Should().NotBeEmpty().And.Subject.First();
            placed.Add(new Pod(node, revision));
        }
        return placed;
    }

    // The pods carry no tolerations: a tainted node never takes one, and with nodeTaintsPolicy
    // Honor it is no domain of the spread either.
    private static List<Node> Allowed(V1TopologySpreadConstraint spread, Node[] nodes, List<Pod> running, string revision)
    {
        spread.TopologyKey.Should().Be("kubernetes.io/hostname", "each node is its own domain here");
        spread.WhenUnsatisfiable.Should().Be("DoNotSchedule", "only a hard constraint filters nodes");
        var perRevision = spread.MatchLabelKeys?.Contains("pod-template-hash") == true;
        var domains = nodes.Where(n => spread.NodeTaintsPolicy != "Honor" || !n.Tainted).ToList();
        int Count(Node node) => running.Count(p => p.Node == node && (!perRevision || p.Revision == revision));
        var fewest = domains.Min(Count);
        return [.. domains.Where(n => !n.Tainted && Count(n) + 1 - fewest <= spread.MaxSkew)];
    }
}
