using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Core.Tests.Explanation;

public sealed class StalePodsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "manifests");

    [Fact]
    public void A_pod_made_before_its_service_s_port_changed_is_stale_with_the_old_and_the_new_value()
    {
        var stale = StaleOf("api-before-the-port");

        stale.Should().ContainSingle().Which.Should().Be(
            new StaleVariable("api", "BACKEND_URL", "http://backend.internal:3000", "http://backend.internal:3001"));
    }

    [Fact]
    public void A_pod_made_before_its_links_changed_lacks_the_new_variable_and_keeps_the_old_one()
    {
        var stale = StaleOf("api-before-the-links");

        stale.Should().Equal(
            new StaleVariable("api", "AMQP_URL", null, "amqp://queue.internal:5672"),
            new StaleVariable("api", "REDIS_URL", "(a value with '@', not shown: it may hold credentials)", null));
    }

    [Fact]
    public void A_pod_with_what_it_would_get_now_is_not_stale_whatever_else_its_containers_set()
    {
        var found = StalePods.Find(Deployment(), Pods().Where(p => p.Name == "api-current"));

        found.Should().BeEmpty();
    }

    [Fact]
    public void Only_the_stale_pods_are_listed_and_no_secret_is_ever_shown()
    {
        var found = StalePods.Find(Deployment(), Pods());

        found.Select(p => p.Name).Should().Equal("api-before-the-port", "api-before-the-links", "api-before-the-labels");
        found.SelectMany(p => p.Variables).Should().NotContain(v => (v.Injected ?? "").Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pod_that_lacks_a_link_label_is_stale_for_the_link_policies_would_refuse_it()
    {
        var found = StalePods.Find(Deployment(), Pods().Where(p => p.Name is "api-before-the-links" or "api-before-the-labels"));

        found.Select(p => (p.Name, string.Join(",", p.MissingLabels))).Should().Equal(
            ("api-before-the-links", "links.stackblaze.io/queue"),
            ("api-before-the-labels", "links.stackblaze.io/backend"));
        found[1].Variables.Should().BeEmpty();
    }

    private static IReadOnlyList<StaleVariable> StaleOf(string pod) =>
        StalePods.Find(Deployment(), Pods().Where(p => p.Name == pod)).Should().ContainSingle().Which.Variables;

    private static ObjectExplanation Deployment()
    {
        var documents = ManifestReader.ReadAll([Path.Combine(Folder, "stale-pods.yaml")], TextReader.Null);
        return Explainer.Explain(documents, ManifestCatalog.FromDocuments(documents, "shop"), "shop", new ExplainTarget("apps", "Deployment", "api")).Single();
    }

    private static IReadOnlyList<ManifestDocument> Pods() => ManifestReader.ReadAll([Path.Combine(Folder, "stale-pods-running.yaml")], TextReader.Null);
}
