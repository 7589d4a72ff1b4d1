using StackBlaze.Webhook.Catalog;
using StackBlaze.Webhook.Injection;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Injection;

public class LinkPlanCacheTests
{
    [Fact]
    public void Same_annotation_in_the_same_namespace_is_planned_once()
    {
        var cache = new LinkPlanCache(Shop);

        var first = cache.Plan("backend, postgres", Namespace);
        var second = cache.Plan("backend, postgres", Namespace);

        second.Should().BeSameAs(first);
    }

    [Fact]
    public void A_changed_service_is_planned_again_with_its_new_port()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(Http("backend", 3000));
        var cache = new LinkPlanCache(catalog);
        cache.Plan("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:3000");

        catalog.Upsert(Http("backend", 8080));

        cache.Plan("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:8080");
    }

    [Fact]
    public void A_deleted_service_is_unknown_again()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(Http("backend", 3000));
        var cache = new LinkPlanCache(catalog);
        cache.Plan("backend", Namespace).IsValid.Should().BeTrue();

        catalog.DeleteService(Namespace, "backend");

        cache.Plan("backend", Namespace).Errors.Should().ContainSingle().Which.Should().Contain("has no service \"backend\"");
    }

    [Fact]
    public void Namespaces_do_not_share_plans()
    {
        var other = With("backend", Port(9000)) with { Namespace = "other" };
        var cache = new LinkPlanCache(CatalogOf(Http("backend", 3000), other));

        cache.Plan("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:3000");
        cache.Plan("backend", "other").Variables.Single().Value.Should().Be("http://backend.internal:9000");
    }

    [Fact]
    public void A_full_cache_still_answers_right()
    {
        var cache = new LinkPlanCache(Shop, capacity: 2);

        foreach (var annotation in new[] { "backend", "postgres", "frontend", "backend, postgres" })
        {
            cache.Plan(annotation, Namespace).IsValid.Should().BeTrue(annotation);
        }
        cache.Plan("backend", Namespace).Variables.Single().Name.Should().Be("API_URL");
    }
}
