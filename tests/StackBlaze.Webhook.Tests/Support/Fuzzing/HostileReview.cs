namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>One generated body, with what was done to it, to read in a failure message.</summary>
internal sealed record HostileReview(int Case, byte[] Body, IReadOnlyList<string> Mutations)
{
    public override string ToString() => $"case {Case} ({string.Join(", ", Mutations)}, {Body.Length} bytes)";
}
