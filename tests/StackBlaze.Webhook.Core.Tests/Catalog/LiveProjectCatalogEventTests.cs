using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>The catalog remembers when the cluster last spoke of each kind, for the watch-age metric.</summary>
public class LiveProjectCatalogEventTests
{
    private static readonly DateTimeOffset First = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_catalog_has_heard_nothing_yet_of_any_kind()
    {
        var catalog = new LiveProjectCatalog();

        Enum.GetValues<CatalogKind>().Select(catalog.LastEventAt).Should().AllSatisfy(at => at.Should().BeNull());
    }

    [Fact]
    public void Last_event_time_is_the_latest_marked()
    {
        var catalog = new LiveProjectCatalog();

        catalog.MarkEvent(CatalogKind.Services, First);
        catalog.MarkEvent(CatalogKind.Services, First.AddSeconds(42));

        catalog.LastEventAt(CatalogKind.Services).Should().Be(First.AddSeconds(42));
    }

    [Fact]
    public void Each_kind_keeps_its_own_time_so_a_quiet_watch_does_not_hide_behind_the_others()
    {
        var catalog = new LiveProjectCatalog();

        catalog.MarkEvent(CatalogKind.ConfigMaps, First);
        catalog.MarkEvent(CatalogKind.Namespaces, First.AddMinutes(15));
        catalog.MarkEvent(CatalogKind.Services, First.AddMinutes(15));

        catalog.LastEventAt(CatalogKind.ConfigMaps).Should().Be(First);
        catalog.LastEventAt(CatalogKind.Services).Should().Be(First.AddMinutes(15));
        catalog.LastEventAt(CatalogKind.Ingresses).Should().BeNull();
    }
}
