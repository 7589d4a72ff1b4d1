namespace StackBlaze.Webhook.Cluster;

/// <summary>How long the catalog's watches may stay quiet before they are taken for dead.</summary>
/// <param name="SilenceDeadline">
/// A watch that sends nothing for this long, not even a bookmark, is replaced: a connection a
/// proxy half-closed stays open and says nothing, and the catalog would go stale without a sign.
/// </param>
internal sealed record WatchTimings(TimeSpan SilenceDeadline)
{
    /// <summary>Three of the API server's bookmark intervals (one a minute): minutes of staleness at worst, not hours.</summary>
    public static WatchTimings Default { get; } = new(TimeSpan.FromMinutes(3));
}
