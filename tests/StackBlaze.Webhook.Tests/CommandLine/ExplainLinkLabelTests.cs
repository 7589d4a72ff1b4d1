using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary>explain says which link labels a workload's pods get: exactly those inject writes into its template.</summary>
public sealed class ExplainLinkLabelTests
{
    [Theory]
    [InlineData("deploy/examples/shop")]
    [InlineData("deploy/examples/boutique")]
    public async Task Explain_names_the_labels_inject_gives_each_workload(string project)
    {
        var injected = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", project]);
        var explained = await ProcessRunner.RunWebhookCommandAsync(["explain", "-f", project, "-o", "json"]);

        injected.ExitCode.Should().Be(0, injected.Stderr);
        explained.ExitCode.Should().Be(0, explained.Stderr);
        var templates = TypedManifests.Load(injected.Stdout, "inject").OfType<V1Deployment>()
            .ToDictionary(d => d.Metadata.Name, d => (d.Spec.Template.Metadata.Labels ?? new Dictionary<string, string>())
                .Where(label => label.Key.StartsWith(StackBlazeLabels.LinkedServicePrefix, StringComparison.Ordinal))
                .Select(label => label.Key).Order(StringComparer.Ordinal).ToArray());
        var said = JsonNode.Parse(explained.Stdout)!["objects"]!.AsArray()
            .Where(o => o!["kind"]!.GetValue<string>() == "Deployment")
            .ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray());

        said.Should().BeEquivalentTo(templates);
        said.Values.Should().Contain(labels => labels.Length > 0, "the project links something");
    }
}
