namespace StackBlaze.Webhook.Core.Links;

/// <summary>The entries of a links annotation, and one message per entry that could not be read.</summary>
internal sealed record LinkParseResult(IReadOnlyList<LinkEntry> Entries, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
