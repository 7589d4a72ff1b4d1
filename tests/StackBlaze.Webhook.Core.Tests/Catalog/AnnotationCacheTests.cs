using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Policy;
using static StackBlaze.Webhook.Tests.Support.Services;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>Link plans and link checks, kept per namespace and annotation until a Service changes.</summary>
public class AnnotationCacheTests
{
    [Fact]
    public void Same_annotation_in_the_same_namespace_is_planned_once()
    {
        var cache = Plans(Shop);

        var first = cache.Get("backend, postgres", Namespace);
        var second = cache.Get("backend, postgres", Namespace);

        second.Should().BeSameAs(first);
    }

    [Fact]
    public void A_changed_service_is_planned_again_with_its_new_port()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(Http("backend", 3000));
        var cache = Plans(catalog);
        cache.Get("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:3000");

        catalog.Upsert(Http("backend", 8080));

        cache.Get("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:8080");
    }

    [Fact]
    public void A_deleted_service_is_unknown_again()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(Http("backend", 3000));
        var cache = Plans(catalog);
        cache.Get("backend", Namespace).IsValid.Should().BeTrue();

        catalog.DeleteService(Namespace, "backend");

        cache.Get("backend", Namespace).Errors.Should().ContainSingle().Which.Should().Contain("has no service \"backend\"");
    }

    [Fact]
    public void Namespaces_do_not_share_plans()
    {
        var other = With("backend", Port(9000)) with { Namespace = "other" };
        var cache = Plans(CatalogOf(Http("backend", 3000), other));

        cache.Get("backend", Namespace).Variables.Single().Value.Should().Be("http://backend.internal:3000");
        cache.Get("backend", "other").Variables.Single().Value.Should().Be("http://backend.internal:9000");
    }

    [Fact]
    public void A_full_cache_still_answers_right()
    {
        var cache = Plans(Shop, maxBytes: 3 * Plans(Shop).Get("backend", Namespace).RetainedBytes * AnnotationCache.MinEntriesKept);

        foreach (var annotation in new[] { "backend", "postgres", "frontend", "backend, postgres" })
        {
            cache.Get(annotation, Namespace).IsValid.Should().BeTrue(annotation);
        }
        cache.Get("backend", Namespace).Variables.Single().Name.Should().Be("API_URL");
    }

    [Fact]
    public void A_link_check_sees_the_service_that_was_missing_once_it_exists()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(Http("backend", 3000));
        var checks = new AnnotationCache<LinkCheck>(catalog, LinkValidator.Check, check => check.RetainedBytes);
        checks.Get("backend, api", Namespace).Warnings.Should().ContainSingle().Which.Should().Contain("\"api\"");

        catalog.Upsert(Http("api", 8080));

        checks.Get("backend, api", Namespace).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_tenant_who_sends_a_new_annotation_every_time_never_grows_it_past_its_budget()
    {
        const long budget = 4 * 1024 * 1024;
        var cache = Plans(Shop, budget);
        var most = 0L;

        for (var i = 0; i < 5_000; i++)
        {
            // Each a valid annotation of its own, with long names.
            var name = $"V{i}_" + new string('X', 500);
            cache.Get($"{name}=backend, {name}_DB=postgres", Namespace).IsValid.Should().BeTrue();
            most = Math.Max(most, cache.Bytes);
        }

        most.Should().BeGreaterThan(budget / 2, "the cache is used").And.BeLessThanOrEqualTo(budget);
    }

    [Fact]
    public void A_value_too_large_for_its_share_of_the_budget_is_worked_out_but_not_kept()
    {
        var cache = Plans(Shop, maxBytes: 64 * 1024);

        var first = cache.Get("backend, postgres", Namespace);

        cache.Get("backend, postgres", Namespace).Should().NotBeSameAs(first);
        cache.Bytes.Should().Be(0);
    }

    private static AnnotationCache<LinkPlan> Plans(IProjectCatalog catalog, long maxBytes = AnnotationCache.DefaultMaxBytes) =>
        new(catalog, LinkPlanner.Plan, plan => plan.RetainedBytes, maxBytes);
}
