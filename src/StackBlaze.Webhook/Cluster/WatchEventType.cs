namespace StackBlaze.Webhook.Cluster;

/// <summary>The <c>type</c> of a watch event, as the API server sends it.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}
