namespace StackBlaze.Webhook.Logging;

/// <summary>The network policy reconciler's log events: each write, each policy left alone, each failed round.</summary>
internal static partial class NetworkPolicyLog
{
    [LoggerMessage(EventId = 80, Level = LogLevel.Information,
        Message = "Applied NetworkPolicy {NamespaceName}/{Name}")]
    public static partial void Applied(ILogger logger, string namespaceName, string name);

    [LoggerMessage(EventId = 81, Level = LogLevel.Information,
        Message = "Deleted NetworkPolicy {NamespaceName}/{Name}: no Service of an opted-in project asks for it any more")]
    public static partial void Deleted(ILogger logger, string namespaceName, string name);

    [LoggerMessage(EventId = 82, Level = LogLevel.Warning,
        Message = "NetworkPolicy {NamespaceName}/{Name} exists and is not the webhook's (no managed-by label, or not applied by its field manager): left alone, not written")]
    public static partial void NotOwned(ILogger logger, string namespaceName, string name);

    [LoggerMessage(EventId = 83, Level = LogLevel.Warning,
        Message = "The API server refused to {Operation} NetworkPolicy {NamespaceName}/{Name} ({StatusCode}): {Reason}. Tried again at the next change or resync")]
    public static partial void Refused(ILogger logger, string operation, string namespaceName, string name, int statusCode, string reason);

    [LoggerMessage(EventId = 84, Level = LogLevel.Warning,
        Message = "Reconciling NetworkPolicies failed, {Failures} times in a row; trying again after a backoff: {Reason}")]
    public static partial void RoundFailed(ILogger logger, int failures, string reason);

    [LoggerMessage(EventId = 85, Level = LogLevel.Error,
        Message = "The NetworkPolicy reconciler stopped on a fault; admission goes on, and another replica takes the Lease once it expires")]
    public static partial void Faulted(ILogger logger, Exception exception);
}
