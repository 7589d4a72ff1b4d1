namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>One generated body, with the seed and case that make it again and what was done to it, to read in a failure message.</summary>
internal sealed record HostileReview(int Seed, int Case, byte[] Body, IReadOnlyList<string> Mutations)
{
    public override string ToString() => $"seed {Seed} case {Case} ({string.Join(", ", Mutations)}, {Body.Length} bytes)";
}
