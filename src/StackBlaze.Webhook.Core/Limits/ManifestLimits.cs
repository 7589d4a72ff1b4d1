namespace StackBlaze.Webhook.Core.Limits;

/// <summary>
/// What <c>check</c> and <c>inject</c> read before they refuse: a folder of manifests is a
/// tenant's input too (a CI job runs them on a pull request). Each figure is far above a real
/// project's manifests and is checked before the work that grows with it.
/// </summary>
internal static class ManifestLimits
{
    /// <summary>Bytes of one file or of standard input: a large rendered Helm chart is a few MiB.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Bytes of every file of one command together.</summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    /// <summary>Objects of one command, each item of a List counted.</summary>
    public const int MaxObjects = 20_000;

    /// <summary>
    /// Values (mappings, sequences, scalars and keys) of one command, an alias counted at the size
    /// of what it copies: a "billion laughs" of anchors stops here, not in memory.
    /// </summary>
    public const int MaxValues = 4_000_000;

    /// <summary>
    /// Mappings and sequences open at once: the depth at which System.Text.Json stops reading the
    /// objects afterwards, and far past any Kubernetes object (a CRD's schema nests a few dozen).
    /// </summary>
    public const int MaxDepth = 64;
}
