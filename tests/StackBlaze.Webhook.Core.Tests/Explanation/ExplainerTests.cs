using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Workloads;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Explanation;

/// <summary>What <c>explain</c> says each container gets is what <c>inject</c> writes into it.</summary>
public class ExplainerTests
{
    [Theory]
    [InlineData("shop")]
    [InlineData("boutique")]
    public void Each_container_is_said_to_get_the_variables_inject_gives_it(string example)
    {
        ExplainsWhatInjectGives(example, ServiceHosts.Internal);
    }

    [Theory]
    [InlineData("shop", HostStyle.Internal)]
    [InlineData("shop", HostStyle.Cluster)]
    [InlineData("boutique", HostStyle.Cluster)]
    public void Each_example_under_each_host_style_is_said_to_get_the_variables_inject_gives_it(string example, HostStyle style)
    {
        var explained = ExplainsWhatInjectGives(example, ServiceHosts.Create(style, "corp.example")!);

        explained.SelectMany(e => e.Containers).SelectMany(c => c.Variables).Should().Contain(
            v => v.Value != null && v.Value.Contains(style == HostStyle.Cluster ? ".svc.corp.example" : ".internal", StringComparison.Ordinal));
    }

    private static IReadOnlyList<ObjectExplanation> ExplainsWhatInjectGives(string example, ServiceHosts hosts)
    {
        var documents = ManifestReader.ReadAll([Examples.Folder(example)], TextReader.Null);
        var catalog = ManifestCatalog.FromDocuments(documents, "default", hosts);

        var explained = Explainer.Explain(documents, catalog, "default");

        explained.Should().NotBeEmpty();
        foreach (var one in explained)
        {
            var kind = PodKinds.Find(one.Document.Group, one.Document.Kind)!;
            var injected = ManifestInjector.Inject(one.Document, catalog, "default", [], []) ?? JsonObject.Create(one.Document.Body)!;
            JsonNode template = injected;
            foreach (var field in kind.TemplatePath)
            {
                template = template[field]!;
            }
            var recorded = ((string?)template["metadata"]?["annotations"]?["stackblaze.io/injected-env"])?.Split(',') ?? [];
            foreach (var container in one.Containers)
            {
                var env = template["spec"]![container.List]!.AsArray().Single(c => (string?)c!["name"] == container.Name)!["env"]?.AsArray() ?? [];
                container.Variables.Select(Describe).Should().Equal(
                    env.Where(e => recorded.Contains((string?)e!["name"])).Select(e => e!.ToJsonString()), $"{one.Document.Location} container {container.Name}");
            }
        }
        return explained;
    }

    [Fact]
    public void Only_the_target_is_explained()
    {
        var documents = ManifestReader.ReadAll([Examples.Folder("shop")], TextReader.Null);

        var explained = Explainer.Explain(documents, ManifestCatalog.FromDocuments(documents, "default"), "default", new ExplainTarget("apps", "Deployment", "backend"));

        explained.Select(e => e.Document.Name).Should().Equal("backend");
    }

    private static string Describe(ExplainedVariable variable) => (variable.SecretName is null
        ? new JsonObject { ["name"] = variable.Name, ["value"] = variable.Value }
        : new JsonObject
        {
            ["name"] = variable.Name,
            ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = variable.SecretName, ["key"] = variable.SecretKey } },
        }).ToJsonString();
}
