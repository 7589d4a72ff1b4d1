using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// What injection decides for each container, told as it decides it, for <c>explain</c>: the
/// webhook passes none, so its path makes no call and keeps nothing.
/// </summary>
internal interface IInjectionTrace
{
    /// <summary>The container is not named by <c>stackblaze.io/containers</c>: it gets nothing.</summary>
    void OutOfScope(ContainerShape container, string list);

    /// <summary>The container gets the variable (added, refreshed, or already the webhook's as the link gives it).</summary>
    void Injected(ContainerShape container, string list, InjectedVariable variable);

    /// <summary>The container sets the variable itself: kept as written.</summary>
    void SetByContainer(ContainerShape container, string list, InjectedVariable variable);

    /// <summary>The container sets <paramref name="reference"/> itself, which the variable's value refers to: not injected.</summary>
    void ReferenceSetByContainer(ContainerShape container, string list, InjectedVariable variable, string reference);
}
