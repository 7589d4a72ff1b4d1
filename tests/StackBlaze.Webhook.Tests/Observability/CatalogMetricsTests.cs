using Microsoft.Extensions.Time.Testing;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.MetricsScrape;

namespace StackBlaze.Webhook.Tests.Observability;

/// <summary>The live catalog's size and freshness, read when Prometheus scrapes.</summary>
public sealed class CatalogMetricsTests
{
    [Fact]
    public async Task Live_catalog_objects_are_counted_by_kind_and_the_watch_age_follows_the_clock()
    {
        var time = new FakeTimeProvider();
        var catalog = SyncedCatalog();
        foreach (var kind in Enum.GetValues<CatalogKind>())
        {
            catalog.MarkEvent(kind, time.GetUtcNow());
        }
        time.Advance(TimeSpan.FromSeconds(42));
        await using var server = await LoopbackServer.StartAsync(catalog, time: time);

        var scrape = await TakeAsync(server.Client);

        scrape["stackblaze_webhook_catalog_objects{kind=\"namespaces\"}"].Should().Be(1);
        scrape["stackblaze_webhook_catalog_objects{kind=\"services\"}"].Should().Be(2);
        scrape["stackblaze_webhook_catalog_objects{kind=\"ingresses\"}"].Should().Be(0);
        scrape["stackblaze_webhook_catalog_objects{kind=\"configmaps\"}"].Should().Be(1);
        scrape["stackblaze_webhook_catalog_last_event_age_seconds{kind=\"services\"}"].Should().Be(42);
    }

    [Fact]
    public async Task Watch_age_is_kept_per_kind_so_one_stuck_watch_shows_beside_fresh_ones()
    {
        var time = new FakeTimeProvider();
        var catalog = SyncedCatalog();
        catalog.MarkEvent(CatalogKind.ConfigMaps, time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(15));
        catalog.MarkEvent(CatalogKind.Namespaces, time.GetUtcNow());
        catalog.MarkEvent(CatalogKind.Services, time.GetUtcNow());
        catalog.MarkEvent(CatalogKind.Ingresses, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(30));
        await using var server = await LoopbackServer.StartAsync(catalog, time: time);

        var scrape = await TakeAsync(server.Client);

        scrape["stackblaze_webhook_catalog_last_event_age_seconds{kind=\"configmaps\"}"].Should().Be(930);
        scrape["stackblaze_webhook_catalog_last_event_age_seconds{kind=\"namespaces\"}"].Should().Be(30);
        scrape["stackblaze_webhook_catalog_last_event_age_seconds{kind=\"services\"}"].Should().Be(30);
        scrape["stackblaze_webhook_catalog_last_event_age_seconds{kind=\"ingresses\"}"].Should().Be(30);
    }

    [Fact]
    public async Task Watch_age_of_a_kind_is_absent_until_the_cluster_has_said_anything_of_it()
    {
        var catalog = SyncedCatalog();
        catalog.MarkEvent(CatalogKind.Namespaces, DateTimeOffset.UtcNow);
        await using var server = await LoopbackServer.StartAsync(catalog);

        var scrape = await TakeAsync(server.Client);

        scrape.Has("stackblaze_webhook_catalog_last_event_age_seconds{kind=\"namespaces\"}").Should().BeTrue();
        scrape.Has("stackblaze_webhook_catalog_last_event_age_seconds{kind=\"services\"}").Should().BeFalse();
        scrape["stackblaze_webhook_catalog_objects{kind=\"services\"}"].Should().Be(2);
    }

    [Fact]
    public async Task A_catalog_from_files_has_no_catalog_gauges()
    {
        await using var server = await LoopbackServer.StartAsync();

        var scrape = await TakeAsync(server.Client);

        scrape.Text.Should().NotContain("stackblaze_webhook_catalog_objects{");
    }

    private static LiveProjectCatalog SyncedCatalog()
    {
        var catalog = new LiveProjectCatalog();
        catalog.Upsert(new NamespaceEntry("shop", IsProject: true, PublicUrlPolicy: null));
        catalog.Upsert(new ServiceEntry("shop", "backend", [new ServicePortEntry("http", 3000, null)]));
        catalog.Upsert(new ServiceEntry("shop", "postgres", [new ServicePortEntry("postgres", 5432, null)]));
        catalog.Upsert(ConfigMapEntry.FromData("shop", "settings", new Dictionary<string, string> { ["API_URL"] = "http://backend.internal:3000" }));
        foreach (var kind in Enum.GetValues<CatalogKind>())
        {
            catalog.MarkSynced(kind);
        }
        return catalog;
    }
}
