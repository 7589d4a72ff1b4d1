using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>What <c>inject</c> writes for the objects it changes: the object as read, plus the patch.</summary>
public class ManifestInjectorTests
{
    private static readonly string Worker = Json.FixturePath("manifests/inject/worker.yaml");

    private static InjectionReport InjectWorker()
    {
        var documents = ManifestReader.ReadAll([Worker], TextReader.Null);
        return InjectedManifests.Inject(documents, ManifestCatalog.FromDocuments(documents, "default"), "default");
    }

    private static JsonObject Deployment(string yaml) =>
        JsonObject.Create(ManifestReader.Parse(yaml, "injected.yaml").Single(d => d.Kind == "Deployment").Body)!;

    [Fact]
    public void Changed_objects_are_written_with_their_keys_in_order_and_their_strings_quoted_where_yaml_would_retype_them()
    {
        var report = InjectWorker();

        report.Errors.Should().BeEmpty();
        report.Yaml.Should().Be(File.ReadAllText(Json.FixturePath("manifests/inject/worker.injected.yaml")));
    }

    [Fact]
    public void Fields_the_client_library_does_not_know_survive_injection()
    {
        var spec = Deployment(InjectWorker().Yaml)["spec"]!;

        spec["futureField"]!.GetValue<long>().Should().Be(3);
        spec["template"]!["spec"]!["newField"].ShouldDeepEqual(JsonNode.Parse("""{"mode":"on","since":"2024-01-01"}"""));
    }

    [Fact]
    public void The_written_object_reads_back_as_the_original_with_only_the_injection_added()
    {
        var original = Deployment(File.ReadAllText(Worker));
        var expected = original.DeepClone();
        var template = expected["spec"]!["template"]!;
        template["metadata"]!["annotations"] = new JsonObject
        {
            ["stackblaze.io/links"] = "REDIS_ADDR=redis",
            ["stackblaze.io/injected-env"] = "REDIS_ADDR",
        };
        template["metadata"]!["labels"]!["links.stackblaze.io/redis"] = "true";
        template["spec"]!["containers"]![0]!["env"]!.AsArray().Insert(0, new JsonObject { ["name"] = "REDIS_ADDR", ["value"] = "redis.internal:6379" });

        var injected = Deployment(InjectWorker().Yaml);

        injected.ShouldDeepEqual(expected);
        injected.Select(p => p.Key).Should().Equal(original.Select(p => p.Key));
        injected["spec"]!.AsObject().Select(p => p.Key).Should().Equal("template", "selector", "futureField");
    }
}
