using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// One fixture through the webhook: the patch as sent on the wire, applied by the independent
/// library and by our own applier.
/// </summary>
internal sealed record PatchRun(JsonNode Original, AdmissionVerdict Outcome, byte[] PatchUtf8, JsonNode Independent, JsonNode Ours)
{
    /// <param name="fixture">Below Fixtures/, without ".json", e.g. "Pods/without-env".</param>
    public static PatchRun Of(string fixture)
    {
        var original = Json.FixtureNode($"{fixture}.json");
        var outcome = Reviews.Create(original.DeepClone());
        outcome.Allowed.Should().BeTrue($"{fixture} is a valid object with valid links, but: {outcome.Message}");

        var patch = JsonPatchWriter.ToUtf8Bytes(outcome.Patch);
        var independent = IndependentJsonPatch.Apply(original, patch);
        var ours = original.DeepClone();
        JsonPatchApplier.Apply(ours, outcome.Patch);
        return new PatchRun(original, outcome, patch, independent, ours);
    }

    public static JsonNode Expected(string fixture) => Json.FixtureNode($"{fixture}.expected.json");
}
