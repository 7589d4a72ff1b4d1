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

    /// <summary>The projected volume of a Service's binding, or null.</summary>
    public static JsonNode? VolumeOf(JsonObject pod, string service) =>
        pod["spec"]!["volumes"]?.AsArray().SingleOrDefault(v => (string?)v!["name"] == $"stackblaze-binding-{service}");

    /// <summary>The mounts of bindings' volumes in a container, as JSON text, in order.</summary>
    public static IEnumerable<string> BindingMountsOf(JsonObject pod, string list, int index) =>
        pod["spec"]![list]![index]!["volumeMounts"]?.AsArray()
            .Where(m => ((string?)m!["name"])?.StartsWith("stackblaze-binding-", StringComparison.Ordinal) == true)
            .Select(m => m!.ToJsonString()) ?? [];

    /// <summary>The mount of a Service's binding the webhook writes at <paramref name="root"/>.</summary>
    public static string MountJson(string service, string root = "/bindings") =>
        $$"""{"name":"stackblaze-binding-{{service}}","mountPath":"{{root}}/{{service}}","readOnly":true}""";

    public static string? EnvValueOf(JsonObject pod, string list, int index, string name) =>
        (string?)pod["spec"]![list]![index]!["env"]?.AsArray().FirstOrDefault(e => (string?)e!["name"] == name)?["value"];

}
