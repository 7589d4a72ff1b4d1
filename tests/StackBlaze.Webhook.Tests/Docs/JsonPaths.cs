using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StackBlaze.Webhook.Tests.Docs;

/// <summary>
/// The two path languages the GitOps tools' ignore rules use, as far as those rules need them:
/// jq paths of fields and iterated arrays (Argo CD) and JSON Pointers (Flux).
/// </summary>
internal static partial class JsonPaths
{
    /// <summary>The values a jq path such as <c>.webhooks[]?.clientConfig.caBundle</c> selects.</summary>
    public static IReadOnlyList<JsonNode> Jq(JsonNode root, string path)
    {
        var steps = JqStep().Matches(path);
        string.Concat(steps.Select(step => step.Value)).Should().Be(path, "the path is made of .field and []? steps only");
        IEnumerable<JsonNode> nodes = [root];
        foreach (var step in steps.Select(step => step.Groups["field"]))
        {
            nodes = step.Success
                ? nodes.Select(node => node is JsonObject fields ? fields[step.Value] : null).OfType<JsonNode>()
                : nodes.SelectMany(node => node is JsonArray items ? items.OfType<JsonNode>() : []);
        }
        return [.. nodes];
    }

    /// <summary>The value a JSON Pointer (RFC 6901) names, or null when there is none.</summary>
    public static JsonNode? Pointer(JsonNode root, string pointer)
    {
        pointer.Should().StartWith("/");
        JsonNode? node = root;
        foreach (var token in pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
        {
            node = node switch
            {
                JsonObject fields => fields[token],
                JsonArray items when int.TryParse(token, out var index) && index >= 0 && index < items.Count => items[index],
                _ => null,
            };
        }
        return node;
    }

    [GeneratedRegex(@"\.(?<field>[A-Za-z_][A-Za-z0-9_]*)|\[\]\??")]
    private static partial Regex JqStep();
}
