using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>
/// Propagation and injection chained, as in a cluster: the patched template's pods, admitted in turn,
/// get their env with a patch the independent applier accepts.
/// </summary>
public sealed class PropagatedTemplateTests
{
    [Theory]
    [InlineData("Workloads/deployment-template-without-metadata", "spec/template", "DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL")]
    [InlineData("Workloads/cronjob-template-without-metadata", "spec/jobTemplate/spec/template", "API_URL,DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL")]
    public void Pods_made_from_the_patched_template_get_their_links_injected(string fixture, string templatePath, string names)
    {
        var template = templatePath.Split('/').Aggregate(PatchRun.Of(fixture).Independent, (node, field) => node[field]!);
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = template["metadata"]!.DeepClone(),
            ["spec"] = template["spec"]!.DeepClone(),
        };

        var outcome = Reviews.Create(pod);
        var patched = IndependentJsonPatch.Apply(pod, JsonPatchWriter.ToUtf8Bytes(outcome.Patch));

        patched["spec"]!["containers"]![0]!["env"]!.AsArray().Select(e => (string?)e!["name"])
            .Should().Equal(names.Split(','));
    }
}
