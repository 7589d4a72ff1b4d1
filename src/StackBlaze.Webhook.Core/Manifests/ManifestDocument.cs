using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>One YAML document of a manifest file: the object, and where and how it was written.</summary>
/// <param name="Source">The file it came from, or "-" for standard input.</param>
/// <param name="Line">The line its document starts on, from 1.</param>
/// <param name="Body">The object, as JSON.</param>
/// <param name="Text">The document as written, comments included, to pass it through untouched.</param>
/// <param name="List">The List this object is an item of (its line is the List's), or null for a document of its own.</param>
public sealed record ManifestDocument(string Source, int Line, JsonObject Body, string Text, ManifestDocument? List = null)
{
    public string ApiVersion => Field(Body, "apiVersion") ?? "";

    public string Kind => Field(Body, "kind") ?? "";

    /// <summary>The API group: "apps" for "apps/v1", "" for "v1".</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    public string Name => Field(Body["metadata"], "name") ?? "";

    public string? Namespace => Field(Body["metadata"], "namespace") is { Length: > 0 } ns ? ns : null;

    /// <summary>Where it stands, for messages: <c>file:line Kind/name</c>.</summary>
    public string Location => $"{Source}:{Line}: {Kind}/{Name}";

    private static string? Field(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
