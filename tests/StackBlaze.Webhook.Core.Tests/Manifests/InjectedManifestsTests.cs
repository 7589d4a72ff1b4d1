using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary><c>inject</c>'s output as a whole: Lists put back together, and the comments around each document kept.</summary>
public class InjectedManifestsTests
{
    private static InjectionReport Inject(string fixture)
    {
        var documents = ManifestReader.ReadAll([Json.FixturePath(fixture)], TextReader.Null);
        return InjectedManifests.Inject(documents, ManifestCatalog.FromDocuments(documents, "default"), "default");
    }

    [Fact]
    public void Items_of_a_list_are_injected_and_written_back_into_their_list()
    {
        var report = Inject("manifests/yaml/list.yaml");

        report.Errors.Should().BeEmpty();
        var list = ManifestReader.Parse(report.Yaml, "out.yaml");
        list.Select(d => $"{d.Kind}/{d.Name}").Should().Equal("Service/redis", "Deployment/worker");
        list.Should().AllSatisfy(d => d.List.Should().NotBeNull());
        JsonObject.Create(list[1].Body)!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]![0]!["value"]!.GetValue<string>()
            .Should().Contain("redis.internal:6379");
        report.Yaml.Should().StartWith("---\n# A List, as `kubectl get -o yaml` writes one").And.EndWith("# The end of the List.\n");
    }

    [Fact]
    public void A_list_with_nothing_to_inject_is_written_as_it_was()
    {
        var documents = ManifestReader.Parse(
            "# only a Service\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service, metadata: {name: redis}}\n", "list.yaml");

        var report = InjectedManifests.Inject(documents, ManifestCatalog.FromDocuments(documents, "default"), "default");

        report.Yaml.Should().Be("---\n# only a Service\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service, metadata: {name: redis}}\n");
    }

    [Fact]
    public void Comments_before_and_after_each_document_are_kept_and_an_unchanged_one_keeps_all_of_its_own()
    {
        var report = Inject("manifests/yaml/commented.yaml");

        report.Errors.Should().BeEmpty();
        var documents = report.Yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        documents[0].Should().Be(string.Join('\n', File.ReadAllLines(Json.FixturePath("manifests/yaml/commented.yaml")).Take(10)) + "\n");
        documents[1].Should().StartWith("# The worker that uses redis.\napiVersion: apps/v1\n")
            .And.EndWith("# replicas: 3 (left out on purpose)\n")
            .And.Contain("redis.internal:6379");
        documents[1].Split('\n').Count(line => line.TrimStart().StartsWith("# not a comment", StringComparison.Ordinal))
            .Should().Be(1, "a line of a block scalar is text, not a comment to repeat");
    }
}
