using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Reads the JSON fixtures copied next to the test assembly.</summary>
internal static class FixtureFiles
{
    /// <param name="relativePath">Below Fixtures/, e.g. "Pods/without-env.json".</param>
    public static JsonNode Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        return JsonNode.Parse(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{path} holds JSON null");
    }
}
