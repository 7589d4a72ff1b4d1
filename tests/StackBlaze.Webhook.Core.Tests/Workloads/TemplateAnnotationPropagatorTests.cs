using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Core.Workloads;
using static StackBlaze.Webhook.Tests.Support.Workloads;

namespace StackBlaze.Webhook.Tests.Workloads;

public class TemplateAnnotationPropagatorTests
{
    private static readonly PodKind Deployment = PodKinds.Find("apps", "Deployment")!;

    private static readonly PodKind CronJob = PodKinds.Find("batch", "CronJob")!;

    [Fact]
    public void Links_and_inject_annotations_of_the_workload_are_copied_into_the_template()
    {
        var (patch, workload) = Propagate(Json.FixtureNode("deployment-annotated.json"), Deployment);

        patch.Select(op => op.Path).Should().Equal(
            "/spec/template/metadata/annotations/stackblaze.io~1links",
            "/spec/template/metadata/annotations/stackblaze.io~1inject");
        var annotations = TemplateAnnotations(workload, Deployment)!;
        ((string?)annotations[StackBlazeAnnotations.Links]).Should().Be("backend, postgres");
        ((string?)annotations[StackBlazeAnnotations.Inject]).Should().Be("true");
        ((string?)annotations["prometheus.io/scrape"]).Should().Be("true");
        annotations.ContainsKey("deployment.kubernetes.io/revision").Should().BeFalse();
    }

    [Fact]
    public void Templates_own_annotation_wins()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["spec"]!["template"]!["metadata"]!["annotations"]![StackBlazeAnnotations.Links] = "backend";

        var (patch, workload) = Propagate(deployment, Deployment);

        patch.Should().ContainSingle().Which.Path.Should().Be("/spec/template/metadata/annotations/stackblaze.io~1inject");
        ((string?)TemplateAnnotations(workload, Deployment)![StackBlazeAnnotations.Links]).Should().Be("backend");
    }

    [Fact]
    public void Workload_without_our_annotations_gets_no_patch()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["metadata"]!["annotations"] = new JsonObject { ["deployment.kubernetes.io/revision"] = "3" };

        Propagate(deployment, Deployment).Patch.Should().BeEmpty();
    }

    [Fact]
    public void Template_without_metadata_gets_one_add_of_the_metadata()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["spec"]!["template"]!.AsObject().Remove("metadata");

        var (patch, workload) = Propagate(deployment, Deployment);

        var op = patch.Should().ContainSingle().Subject;
        op.Path.Should().Be("/spec/template/metadata");
        op.Value.ToJsonString().Should().Be("""{"annotations":{"stackblaze.io/links":"backend, postgres","stackblaze.io/inject":"true"}}""");
        TemplateAnnotations(workload, Deployment)!.Count.Should().Be(2);
    }

    [Fact]
    public void Template_without_annotations_gets_one_add_of_the_annotations()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["spec"]!["template"]!["metadata"]!.AsObject().Remove("annotations");

        var (patch, workload) = Propagate(deployment, Deployment);

        var op = patch.Should().ContainSingle().Subject;
        op.Path.Should().Be("/spec/template/metadata/annotations");
        op.Value.ToJsonString().Should().Be("""{"stackblaze.io/links":"backend, postgres","stackblaze.io/inject":"true"}""");
        ((string?)Template(workload, Deployment)["metadata"]!["labels"]!["app"]).Should().Be("frontend");
    }

    [Fact]
    public void CronJob_template_is_under_its_job_template()
    {
        var (patch, workload) = Propagate(Json.FixtureNode("cronjob-annotated.json"), CronJob);

        patch.Should().ContainSingle().Which.Path.Should().Be("/spec/jobTemplate/spec/template/metadata");
        ((string?)TemplateAnnotations(workload, CronJob)![StackBlazeAnnotations.Links]).Should().Be("postgres");
    }

    [Theory]
    [InlineData("""{"spec":{}}""", "spec.template is missing or not an object")]
    [InlineData("""{"spec":{"template":[]}}""", "spec.template is missing or not an object")]
    [InlineData("""{"spec":{"template":{"metadata":"x"}}}""", "spec.template.metadata is not an object")]
    [InlineData("""{"metadata":5,"spec":{"template":{}}}""", "metadata is not an object")]
    [InlineData("""[]""", "the object is not a JSON object")]
    public void Malformed_workload_gives_a_message_not_a_patch(string json, string expected)
    {
        var patch = TemplateAnnotationPropagator.Propagate(Json.Parse(json), Deployment, out var error);

        patch.Should().BeNull();
        error.Should().Be(expected);
    }
}
