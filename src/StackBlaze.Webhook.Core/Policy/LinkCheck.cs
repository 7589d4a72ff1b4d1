namespace StackBlaze.Webhook.Core.Policy;

/// <summary>What validation says of a workload's links: errors deny, warnings do not.</summary>
internal sealed record LinkCheck(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>The memory its messages hold while kept: two bytes a char, and a header each.</summary>
    public long RetainedBytes => Errors.Concat(Warnings).Sum(message => 64 + 2L * message.Length);
}
