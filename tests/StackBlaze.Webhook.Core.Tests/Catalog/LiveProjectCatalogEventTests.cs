using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>The catalog remembers when the cluster last spoke, for the watch-age metric.</summary>
public class LiveProjectCatalogEventTests
{
    [Fact]
    public void New_catalog_has_heard_nothing_yet()
    {
        new LiveProjectCatalog().LastEventAt.Should().BeNull();
    }

    [Fact]
    public void Last_event_time_is_the_latest_marked()
    {
        var catalog = new LiveProjectCatalog();
        var first = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        catalog.MarkEvent(first);
        catalog.MarkEvent(first.AddSeconds(42));

        catalog.LastEventAt.Should().Be(first.AddSeconds(42));
    }
}
