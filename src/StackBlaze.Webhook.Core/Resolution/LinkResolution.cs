namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>The resolved links of an annotation, or why some could not be resolved.</summary>
internal sealed record LinkResolution(IReadOnlyList<ResolvedLink> Links, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
