using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Deep JSON equality (member order ignored, array order kept) that names the first difference.</summary>
internal static class JsonNodeAssertions
{
    public static void ShouldDeepEqual(this JsonNode? actual, JsonNode? expected)
    {
        var equal = JsonNode.DeepEquals(actual, expected);
        equal.Should().BeTrue($"the documents should be equal, but differ first at {FirstDifference(actual, expected, "")}");
    }

    /// <summary>The JSON Pointer of the first place the two differ, or null when they do not.</summary>
    public static string? FirstDifference(JsonNode? actual, JsonNode? expected, string pointer)
    {
        switch (actual, expected)
        {
            case (JsonObject a, JsonObject e):
                foreach (var name in a.Select(p => p.Key).Union(e.Select(p => p.Key)))
                {
                    var child = $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                    if (!a.ContainsKey(name) || !e.ContainsKey(name))
                    {
                        return $"{child} (present on one side only)";
                    }
                    if (FirstDifference(a[name], e[name], child) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case (JsonArray a, JsonArray e):
                for (var i = 0; i < Math.Min(a.Count, e.Count); i++)
                {
                    if (FirstDifference(a[i], e[i], $"{pointer}/{i}") is { } found)
                    {
                        return found;
                    }
                }
                return a.Count == e.Count ? null : $"{pointer} (length {a.Count}, expected {e.Count})";
            default:
                return JsonNode.DeepEquals(actual, expected)
                    ? null
                    : $"{pointer}: {actual?.ToJsonString() ?? "missing"}, expected {expected?.ToJsonString() ?? "missing"}";
        }
    }
}
