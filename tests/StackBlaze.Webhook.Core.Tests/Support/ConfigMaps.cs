using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>ConfigMaps as a review carries them, in the namespace of the test catalog.</summary>
internal static class ConfigMaps
{
    /// <summary>A ConfigMap "settings" with this data, and these annotations.</summary>
    public static JsonObject With(IEnumerable<(string Key, string Value)> data, params (string Key, string Value)[] annotations) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = "settings",
            ["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        },
        ["data"] = new JsonObject(data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
    };

    public static JsonObject With(string key, string value, params (string Key, string Value)[] annotations) => With([(key, value)], annotations);

    public static AdmissionAttributes Review(JsonNode configMap, Operation operation = Operation.Create, JsonNode? old = null) =>
        Reviews.Of("", "ConfigMap", JsonSerializer.SerializeToElement(configMap), operation) with
        {
            OldObjectJson = old is null ? null : JsonSerializer.SerializeToElement(old),
        };
}
