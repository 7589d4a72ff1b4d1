using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Injections;

namespace StackBlaze.Webhook.Tests.Injection;

/// <summary>The trace <c>explain</c> gives the injector: told what each container gets and why not, it changes nothing the webhook does.</summary>
public class PodInjectorTraceTests
{
    [Theory]
    [InlineData("pod-init-and-two-containers.json", null)]
    [InlineData("pod-init-and-two-containers.json", "web")]
    [InlineData("pod-sets-api-url.json", null)]
    [InlineData("pod-already-injected.json", null)]
    public void Traced_variables_are_the_ones_the_patched_pod_holds_and_the_patch_is_the_same(string fixture, string? containers)
    {
        var node = Json.FixtureNode(fixture);
        if (containers is not null)
        {
            node["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = containers;
        }
        var pod = Pods.Read(Pods.Element(node));
        var trace = new RecordingTrace();

        var traced = PodInjector.Inject(pod, "", Services.Namespace, Services.Shop, trace: trace);
        var (untraced, patched) = Run(node);

        traced.Patch.Select(Describe).Should().Equal(untraced.Patch.Select(Describe));
        traced.Warnings.Should().Equal(untraced.Warnings);
        var planNames = LinkPlanner.Plan(pod.Metadata.Annotation(StackBlazeAnnotations.Links), Services.Namespace, Services.Shop).Names;
        foreach (var (list, containersOf) in new[] { ("initContainers", pod.InitContainers), ("containers", pod.Containers) })
        {
            for (var i = 0; i < containersOf.Count; i++)
            {
                var container = containersOf[i];
                var ours = EnvNamesOf(patched, list, i).Where(name => planNames.Contains(name) && !trace.SetByContainer.Contains($"{container.Name} {name}"));
                trace.Injected.Where(t => t.Container == container).Select(t => t.Variable.Name)
                    .Should().Equal(ours, $"{list}[{i}] holds what the trace says it gets");
            }
        }
    }

    [Fact]
    public void Containers_out_of_scope_are_told_init_containers_first()
    {
        var node = Json.FixtureNode("pod-init-and-two-containers.json");
        node["metadata"]!["annotations"]![StackBlazeAnnotations.Containers] = "web";
        var trace = new RecordingTrace();

        PodInjector.Inject(Pods.Read(Pods.Element(node)), "", Services.Namespace, Services.Shop, trace: trace);

        trace.OutOfScope.Should().Equal("initContainers migrate", "containers sidecar");
    }

    [Fact]
    public void Variable_a_container_sets_itself_is_told_for_that_container_only()
    {
        var trace = new RecordingTrace();

        PodInjector.Inject(Pods.Fixture("pod-sets-api-url.json"), "", Services.Namespace, Services.Shop, trace: trace);

        trace.SetByContainer.Should().Equal("app API_URL");
        trace.Injected.Select(t => $"{t.Container.Name} {t.Variable.Name}").Should().Equal("sidecar API_URL");
    }

    [Fact]
    public void Url_whose_credential_a_container_sets_is_told_with_the_reference()
    {
        var node = Pods.Annotated((StackBlazeAnnotations.Links, "postgres"));
        node["spec"]!["containers"]![0]!["env"] = new JsonArray(new JsonObject { ["name"] = "DATABASE_USER", ["value"] = "reporting" });
        var trace = new RecordingTrace();

        PodInjector.Inject(Pods.Read(Pods.Element(node)), "", Services.Namespace, Services.Shop, trace: trace);

        trace.ReferenceSetByContainer.Should().Equal("app DATABASE_URL $(DATABASE_USER)");
        trace.SetByContainer.Should().Equal("app DATABASE_USER");
        trace.Injected.Select(t => t.Variable.Name).Should().Equal("DATABASE_PASSWORD");
    }

    private static string Describe(Core.Patches.JsonPatchOperation operation) =>
        $"{operation.Op} {operation.Path} {(operation.HasValue ? operation.Value.ToJsonString() : "")}";

    private sealed class RecordingTrace : IInjectionTrace
    {
        public List<string> OutOfScope { get; } = [];

        public List<(ContainerShape Container, InjectedVariable Variable)> Injected { get; } = [];

        public List<string> SetByContainer { get; } = [];

        public List<string> ReferenceSetByContainer { get; } = [];

        void IInjectionTrace.OutOfScope(ContainerShape container, string list) => OutOfScope.Add($"{list} {container.Name}");

        void IInjectionTrace.Injected(ContainerShape container, string list, InjectedVariable variable) => Injected.Add((container, variable));

        void IInjectionTrace.SetByContainer(ContainerShape container, string list, InjectedVariable variable) =>
            SetByContainer.Add($"{container.Name} {variable.Name}");

        void IInjectionTrace.ReferenceSetByContainer(ContainerShape container, string list, InjectedVariable variable, string reference) =>
            ReferenceSetByContainer.Add($"{container.Name} {variable.Name} $({reference})");
    }
}
