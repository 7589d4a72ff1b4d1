using System.Text.Json.Nodes;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Where propagation writes: the whole metadata or annotations object when missing, single keys otherwise.</summary>
public sealed class WorkloadPatchShapeTests
{
    [Theory]
    [InlineData("Workloads/deployment-template-without-metadata", "/spec/template/metadata")]
    [InlineData("Workloads/cronjob-template-without-metadata", "/spec/jobTemplate/spec/template/metadata")]
    [InlineData("Workloads/deployment-template-without-annotations", "/spec/template/metadata/annotations")]
    public void A_missing_parent_is_created_whole_in_one_operation(string fixture, string path)
    {
        var run = PatchRun.Of(fixture);

        run.Outcome.Patch.Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Fact]
    public void Existing_template_annotations_get_one_escaped_key_and_keep_their_own_opt_out()
    {
        var run = PatchRun.Of("Workloads/statefulset-template-with-annotations");

        run.Outcome.Patch.Select(op => op.Path).Should().Equal("/spec/template/metadata/annotations/stackblaze.io~1links");
    }

    [Fact]
    public void A_template_with_its_own_links_gets_no_patch()
    {
        var deployment = Json.FixtureNode("Workloads/deployment-template-without-annotations.json");
        deployment["spec"]!["template"]!["metadata"]!["annotations"] = new JsonObject { ["stackblaze.io/links"] = "backend" };

        var outcome = Reviews.Create(deployment);

        outcome.Allowed.Should().BeTrue();
        outcome.Patch.Should().BeEmpty();
    }
}
