using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>
/// Applies a patch, as the bytes we send the API server, with an RFC 6902 implementation we did not
/// write (Microsoft.AspNetCore.JsonPatch.SystemTextJson), so that our builder is not its own judge.
/// </summary>
internal static class IndependentJsonPatch
{
    /// <summary>The patched copy of <paramref name="original"/>; throws when any operation does not apply.</summary>
    public static JsonNode Apply(JsonNode original, byte[] patchUtf8)
    {
        var document = JsonSerializer.Deserialize<JsonPatchDocument>(patchUtf8)
            ?? throw new InvalidOperationException("the patch is JSON null");
        var target = original.DeepClone();
        // Without an error callback ApplyTo throws JsonPatchException on the first failing operation.
        document.ApplyTo(target);
        return target;
    }

    public static JsonNode Apply(JsonNode original, string patchJson) =>
        Apply(original, System.Text.Encoding.UTF8.GetBytes(patchJson));
}
