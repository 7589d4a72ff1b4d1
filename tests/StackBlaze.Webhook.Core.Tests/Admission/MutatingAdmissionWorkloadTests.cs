using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.Reviews;

namespace StackBlaze.Webhook.Tests.Admission;

public class MutatingAdmissionWorkloadTests
{
    private static readonly System.Text.Json.JsonElement Deployment = Json.Fixture("deployment-annotated.json");

    [Theory]
    [InlineData(Operation.Create)]
    [InlineData(Operation.Update)]
    public void Workload_create_and_update_copy_the_annotations_into_the_template(Operation operation)
    {
        var outcome = Review(Of("apps", "Deployment", Deployment, operation));

        outcome.Allowed.Should().BeTrue();
        outcome.Patch.Select(op => op.Path).Should().Equal(
            "/spec/template/metadata/annotations/stackblaze.io~1links",
            "/spec/template/metadata/annotations/stackblaze.io~1inject");
    }

    [Fact]
    public void The_containers_annotation_of_a_workload_is_copied_into_its_template_like_the_links()
    {
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["metadata"]!["annotations"]!["stackblaze.io/containers"] = "app, migrate";

        var outcome = Review(Of("apps", "Deployment", Pods.Element(deployment)));

        outcome.Patch.Should().ContainSingle(op => op.Path == "/spec/template/metadata/annotations/stackblaze.io~1containers")
            .Which.Value.GetValue<string>().Should().Be("app, migrate");
    }

    [Fact]
    public void Workload_delete_is_allowed_untouched()
    {
        Review(Of("apps", "Deployment", Deployment, Operation.Delete)).Should().Be(AdmissionVerdict.Allow);
    }

    [Fact]
    public void Workload_links_are_not_resolved_so_a_broken_link_does_not_block_the_workload()
    {
        // Pods are denied at creation; the workload only carries the annotation to them.
        var deployment = Json.FixtureNode("deployment-annotated.json");
        deployment["metadata"]!["annotations"]!["stackblaze.io/links"] = "payments";

        var outcome = Review(Of("apps", "Deployment", Pods.Element(deployment)));

        outcome.Allowed.Should().BeTrue();
        outcome.Patch.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("", "Service")]
    [InlineData("", "ConfigMap")]
    [InlineData("networking.k8s.io", "Ingress")]
    public void Other_kinds_are_allowed_untouched(string group, string kind)
    {
        Review(Of(group, kind, Json.Parse("""{"metadata":{"annotations":{"stackblaze.io/links":"payments"}}}"""))).Should().Be(AdmissionVerdict.Allow);
    }

    [Fact]
    public void Workload_that_cannot_be_read_is_invalid_with_400()
    {
        var outcome = Review(Of("batch", "CronJob", Json.Parse("""{"spec":{"jobTemplate":{}}}""")));

        outcome.Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, 
            "the object cannot be read as a CronJob: spec.jobTemplate.spec.template is missing or not an object"));
    }

    [Fact]
    public void Workload_object_that_is_not_a_json_object_is_invalid_with_400()
    {
        var outcome = Review(Of("apps", "Deployment", Json.Parse("""[]""")));

        outcome.Should().Be(AdmissionVerdict.Denied(DenialReason.InvalidObject, "the object cannot be read as a Deployment: the object is not a JSON object"));
    }
}
