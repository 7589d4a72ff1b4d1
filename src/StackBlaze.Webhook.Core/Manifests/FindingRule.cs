namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>What kind of thing a <see cref="CheckFinding"/> says: the rule it breaks, for reports that group by rule.</summary>
public enum FindingRule
{
    /// <summary>A call to one of the project's services through its public URL.</summary>
    PublicUrl,

    /// <summary>A <c>stackblaze.io/links</c> entry that cannot work.</summary>
    BrokenLink,

    /// <summary>An object that cannot be read as its kind.</summary>
    UnreadableObject,

    /// <summary>More calls to public URLs than are listed one by one.</summary>
    CallsNotListed,

    /// <summary>A ConfigMap value the webhook keeps only in part, so could not check whole.</summary>
    NotChecked,

    /// <summary>Allowed, but worth saying: a link's warning, a DNS policy, a ConfigMap not known yet.</summary>
    Advice,
}
