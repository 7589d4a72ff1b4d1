using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Pods as injection sees them, read the way the webhook reads them.</summary>
internal static class Pods
{
    public static PodShape Read(JsonElement pod)
    {
        var shape = ObjectShapeReader.ReadPod(pod, out var error);
        error.Should().BeNull();
        return shape!;
    }

    public static PodShape Fixture(string name) => Read(Json.Fixture(name));

    /// <summary>A pod with one container "app" and no env, annotated as given.</summary>
    public static JsonObject Annotated(params (string Key, string Value)[] annotations) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }) },
    };

    public static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);
}
