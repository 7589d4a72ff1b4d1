using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Bindings;

/// <summary>Pods that ask for Service Bindings, run through the injector, and what to look at in the result.</summary>
internal static class BindingsSupport
{
    public const string Fixture = "Bindings/pod-asks-for-bindings.json";

    public static JsonObject AskingPod() => Json.FixtureNode(Fixture);

    public static JsonObject Annotations(JsonObject pod) => pod["metadata"]!["annotations"]!.AsObject();

    /// <summary>The webhook's files of a Service, by file name.</summary>
    public static Dictionary<string, string> FilesOf(JsonObject pod, string service) =>
        Annotations(pod).Where(a => a.Key.StartsWith($"{service}.bindings.stackblaze.io/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key[(a.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], a => (string)a.Value!);

    public static JsonNode? Volume(JsonObject pod) =>
        pod["spec"]!["volumes"]?.AsArray().SingleOrDefault(v => (string?)v!["name"] == "stackblaze-bindings");

    public static JsonNode? MountOf(JsonObject pod, string list, int index) =>
        pod["spec"]![list]![index]!["volumeMounts"]?.AsArray().SingleOrDefault(m => (string?)m!["name"] == "stackblaze-bindings");

    public static string? EnvValueOf(JsonObject pod, string list, int index, string name) =>
        (string?)pod["spec"]![list]![index]!["env"]?.AsArray().FirstOrDefault(e => (string?)e!["name"] == name)?["value"];

}
