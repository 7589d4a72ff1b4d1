using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>The equality-based <c>labelSelector</c> of a list: <c>key</c>, <c>key=value</c>, comma-separated, all to hold.</summary>
internal static class LabelSelector
{
    public static bool Matches(byte[] item, string selector)
    {
        if (selector.Length == 0)
        {
            return true;
        }
        var labels = JsonNode.Parse(item)?["metadata"]?["labels"]?.AsObject();
        return selector.Split(',').All(term => term.Split('=', 2) is [var key, var value]
            ? labels?[key]?.GetValue<string>() == value
            : labels?.ContainsKey(term) == true);
    }
}
