using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>JSON documents for tests: tiny ones inline, the rest from Fixtures/.</summary>
internal static class Json
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Fixture(string name) => Parse(FixtureText(name));

    public static JsonObject FixtureNode(string name) => JsonNode.Parse(FixtureText(name))!.AsObject();

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FixtureText(string name) => File.ReadAllText(FixturePath(name));
}
