namespace StackBlaze.Webhook.Cluster;

/// <summary>The cluster could not be read (unreachable, refused, forbidden, not found); its message is the one line the user sees.</summary>
internal sealed class ClusterException(string message, Exception? inner = null) : Exception(message, inner);
