namespace StackBlaze.Webhook.Logging;

/// <summary>The leader election's log events: who leads, and why the Lease could not be tried.</summary>
internal static partial class LeaderElectionLog
{
    [LoggerMessage(EventId = 70, Level = LogLevel.Information,
        Message = "Leading: {Identity} holds the Lease {NamespaceName}/{Lease}")]
    public static partial void Leading(ILogger logger, string namespaceName, string lease, string identity);

    [LoggerMessage(EventId = 71, Level = LogLevel.Warning,
        Message = "No longer leading: {Identity} could not renew the Lease {NamespaceName}/{Lease} within the renew deadline, or found it held by another replica")]
    public static partial void Lost(ILogger logger, string namespaceName, string lease, string identity);

    [LoggerMessage(EventId = 72, Level = LogLevel.Information,
        Message = "Released the Lease {NamespaceName}/{Lease} held by {Identity}: another replica takes over at once")]
    public static partial void Released(ILogger logger, string namespaceName, string lease, string identity);

    [LoggerMessage(EventId = 73, Level = LogLevel.Debug,
        Message = "Trying the Lease {NamespaceName}/{Lease} failed: {Reason}")]
    public static partial void TryFailed(ILogger logger, string namespaceName, string lease, string reason);
}
