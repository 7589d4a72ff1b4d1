using System.Text.Json;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>One object of a manifest file: the object, and where and how it was written.</summary>
/// <param name="Source">The file it came from, or "-" for standard input.</param>
/// <param name="Line">The line its document starts on, from 1.</param>
/// <param name="Body">The object, read once as the JSON the webhook's own functions take.</param>
/// <param name="Text">The YAML document as written, comments included, to pass it through untouched (for an item, its List's).</param>
/// <param name="List">The List this object is an item of (its line is the List's), or null for a document of its own.</param>
public sealed record ManifestDocument(string Source, int Line, JsonElement Body, string Text, ManifestDocument? List = null)
{
    /// <summary>Where it stands in its document, as a JSON Pointer: "" for a document of its own, <c>/items/3</c> for an item of a List.</summary>
    public string ItemPointer { get; init; } = "";

    public string ApiVersion => Field(Body, "apiVersion") ?? "";

    public string Kind => Field(Body, "kind") ?? "";

    /// <summary>The API group: "apps" for "apps/v1", "" for "v1".</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public string Name => Field(Metadata, "name") ?? "";

    public string? Namespace => Field(Metadata, "namespace") is { Length: > 0 } ns ? ns : null;

    /// <summary>Where it stands, for messages: <c>file:line Kind/name</c>.</summary>
    public string Location => $"{Source}:{Line}: {Kind}/{Name}";

    private JsonElement Metadata => Body.TryGetProperty("metadata", out var metadata) ? metadata : default;

    private static string? Field(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
