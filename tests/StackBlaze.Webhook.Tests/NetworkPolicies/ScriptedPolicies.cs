using k8s.Models;
using StackBlaze.Webhook.NetworkPolicies;

namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>Desired policies a test sets, for what the reconciler does with them whatever the links say.</summary>
internal sealed class ScriptedPolicies : IDesiredPolicies
{
    private IReadOnlyList<V1NetworkPolicy> _policies = [];
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public IReadOnlyList<V1NetworkPolicy> Compute() => Volatile.Read(ref _policies);

    public void Set(params V1NetworkPolicy[] policies)
    {
        Volatile.Write(ref _policies, policies);
        Interlocked.Increment(ref _version);
    }
}
