using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Runs the pod injector on a JSON pod and applies its patch, to look at the pod it makes.</summary>
internal static class Injections
{
    public static (PodInjection Injection, JsonObject Pod) Run(JsonObject pod, IProjectCatalog? catalog = null)
    {
        var injection = PodInjector.Inject(Pods.Read(Pods.Element(pod)), "", Services.Namespace, catalog ?? Services.Shop);
        var patched = pod.DeepClone().AsObject();
        JsonPatchApplier.Apply(patched, injection.Patch);
        return (injection, patched);
    }

    /// <summary>The names of a container's env, in order.</summary>
    public static IEnumerable<string> EnvNamesOf(JsonObject pod, string list, int index) =>
        pod["spec"]![list]![index]!["env"]?.AsArray().Select(e => (string)e!["name"]!) ?? [];

    public static string? AnnotationOf(JsonObject pod, string key) => (string?)pod["metadata"]?["annotations"]?[key];
}
