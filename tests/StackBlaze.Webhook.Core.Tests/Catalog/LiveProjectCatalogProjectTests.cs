using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>Which namespaces are projects, and the ConfigMap data the live catalog holds for them and only them.</summary>
public class LiveProjectCatalogProjectTests
{
    private readonly LiveProjectCatalog _catalog = new();
    private readonly List<string> _appeared = [];

    public LiveProjectCatalogProjectTests()
    {
        _catalog.ProjectAppeared += _appeared.Add;
    }

    [Fact]
    public void ConfigMap_of_a_project_namespace_is_held()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Settings("shop"));

        _catalog.FindConfigMap("shop", "settings")!.Values["url"].Addresses.Should().Be("http://backend.internal:3000");
    }

    [Fact]
    public void ConfigMap_of_a_namespace_that_is_not_a_project_is_not_held()
    {
        _catalog.Upsert(new NamespaceEntry("kube-public", IsProject: false, null));
        _catalog.Upsert(Settings("kube-public"));
        _catalog.Upsert(Settings("unseen"));

        _catalog.FindConfigMap("kube-public", "settings").Should().BeNull();
        _catalog.FindConfigMap("unseen", "settings").Should().BeNull();
        _catalog.Count(CatalogKind.ConfigMaps).Should().Be(0);
    }

    [Fact]
    public void Deleted_namespace_leaves_nothing_behind_once_its_objects_are_deleted_too()
    {
        // The API server deletes a namespace's objects around the namespace's own deletion, in any order.
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Settings("shop"));
        _catalog.Upsert(StackBlaze.Webhook.Tests.Support.Services.Http("backend"));
        _catalog.Upsert(new IngressEntry("shop", "web", [], []));

        _catalog.DeleteService("shop", "backend");
        _catalog.DeleteNamespace("shop");
        _catalog.NamespaceEntries.Should().Be(1, "the Ingress is still there");
        _catalog.DeleteIngress("shop", "web");

        _catalog.NamespaceEntries.Should().Be(0);
        _catalog.FindNamespace("shop").Should().BeNull();
    }

    [Fact]
    public void Config_map_of_a_namespace_never_seen_makes_no_entry()
    {
        _catalog.Upsert(Settings("unseen"));
        _catalog.DeleteConfigMap("unseen", "settings");

        _catalog.NamespaceEntries.Should().Be(0);
    }

    [Fact]
    public void Namespace_that_stops_being_a_project_drops_its_config_maps()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Settings("shop"));

        _catalog.Upsert(new NamespaceEntry("shop", IsProject: false, null));

        _catalog.FindConfigMap("shop", "settings").Should().BeNull();
    }

    [Fact]
    public void Deleted_namespace_drops_its_config_maps_and_is_not_found()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Settings("shop"));

        _catalog.DeleteNamespace("shop");

        _catalog.FindNamespace("shop").Should().BeNull();
        _catalog.FindConfigMap("shop", "settings").Should().BeNull();
    }

    [Fact]
    public void Project_appeared_is_raised_once_when_a_namespace_becomes_a_project()
    {
        _catalog.Upsert(new NamespaceEntry("shop", IsProject: false, null));
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Project("shop") with { PublicUrlPolicy = "warn" });
        _catalog.Replace([Project("shop")]);

        _appeared.Should().Equal("shop");
    }

    [Fact]
    public void Project_appeared_is_raised_again_for_a_namespace_labelled_a_second_time()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(new NamespaceEntry("shop", IsProject: false, null));
        _catalog.Upsert(Project("shop"));

        _appeared.Should().Equal("shop", "shop");
    }

    [Fact]
    public void Replace_of_namespaces_forgets_those_no_longer_listed()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Project("old"));
        _catalog.Upsert(Settings("old"));

        _catalog.Replace([Project("shop")]);

        _catalog.FindNamespace("old").Should().BeNull();
        _catalog.FindConfigMap("old", "settings").Should().BeNull();
        _catalog.Count(CatalogKind.Namespaces).Should().Be(1);
    }

    [Fact]
    public void Replace_of_config_maps_drops_the_stale_ones_and_keeps_only_projects()
    {
        _catalog.Upsert(Project("shop"));
        _catalog.Upsert(Settings("shop") with { Name = "stale" });

        _catalog.Replace([Settings("shop"), Settings("elsewhere")]);

        _catalog.FindConfigMap("shop", "stale").Should().BeNull();
        _catalog.FindConfigMap("shop", "settings").Should().NotBeNull();
        _catalog.FindConfigMap("elsewhere", "settings").Should().BeNull();
    }

    private static NamespaceEntry Project(string name) => new(name, IsProject: true, null);

    private static ConfigMapEntry Settings(string ns) =>
        ConfigMapEntry.FromData(ns, "settings", new Dictionary<string, string> { ["url"] = "http://backend.internal:3000" });
}
