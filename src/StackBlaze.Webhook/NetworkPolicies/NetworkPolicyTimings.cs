namespace StackBlaze.Webhook.NetworkPolicies;

/// <summary>When the reconciler runs a round.</summary>
/// <param name="Debounce">How often the catalog is looked at for changes: a burst of changes within it is one round.</param>
/// <param name="Resync">A round even without a change, which repairs what others changed or deleted.</param>
internal sealed record NetworkPolicyTimings(TimeSpan Debounce, TimeSpan Resync)
{
    public static NetworkPolicyTimings Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
}
