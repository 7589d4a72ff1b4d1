namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>Why something is not injected, as <c>explain --output json</c> names it: stable, for programs.</summary>
public static class ReasonCodes
{
    /// <summary>The namespace has no <c>stackblaze.io/project</c> label: neither webhook is sent its objects.</summary>
    public const string NamespaceNotAProject = "namespace-not-a-project";

    /// <summary>The namespace is one the webhooks' selector leaves out (kube-system, stackblaze-system).</summary>
    public const string NamespaceExcluded = "namespace-excluded";

    /// <summary>The input does not say whether the namespace is a project: explained as if it were.</summary>
    public const string NamespaceUnknown = "namespace-unknown";

    /// <summary>The object's kind is in no rule of the mutating webhook: its links are never read.</summary>
    public const string KindNotSent = "kind-not-sent";

    /// <summary>The match condition: pods with <c>stackblaze.io/inject: "false"</c> are not sent.</summary>
    public const string MatchCondition = "match-condition";

    /// <summary>The object opted out with <c>stackblaze.io/inject: "false"</c>.</summary>
    public const string OptedOut = "opted-out";

    /// <summary>The object has no links.</summary>
    public const string NoLinks = "no-links";

    /// <summary>A link names a Service the namespace does not have.</summary>
    public const string UnknownService = "unknown-service";

    /// <summary>A link cannot be read or resolved for another reason (syntax, port, annotation).</summary>
    public const string LinkError = "link-error";

    /// <summary>The webhook would deny the pod: nothing is injected.</summary>
    public const string Denied = "denied";

    /// <summary>The object cannot be read as its kind: the webhook would deny it.</summary>
    public const string InvalidObject = "invalid-object";

    /// <summary>A container is not named by <c>stackblaze.io/containers</c>.</summary>
    public const string ContainerOutOfScope = "container-out-of-scope";

    /// <summary>A container sets the variable itself, and keeps it.</summary>
    public const string SetByContainer = "set-by-container";

    /// <summary>A container sets a variable the link's URL refers to, so the URL is not injected there.</summary>
    public const string ReferenceSetByContainer = "reference-set-by-container";
}
