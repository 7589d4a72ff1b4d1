using System.Text.Json.Nodes;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// <c>explain</c>'s mirror of what the API server sends each webhook (<see cref="WebhookRules"/>)
/// against deploy/base's configurations as kustomize renders them (the install's own namespace is
/// filled in there): the same resources and operations, the same namespaces selected, and the match
/// condition's real CEL deciding as the mirror does.
/// </summary>
public sealed class WebhookRulesMirrorTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private V1MutatingWebhook Mutating => overlays[RenderedOverlays.Base].MutatingWebhook;

    private V1ValidatingWebhook Validating => overlays[RenderedOverlays.Base].ValidatingWebhook;

    public static TheoryData<string, string?> Namespaces => new()
    {
        { "shop", "shop" },
        { "scratch", null },
        { "kube-system", "system" },
        { "stackblaze-system", "stackblaze" },
        { "default", "" },
    };

    [Fact]
    public void Mutating_mirror_names_the_webhook_resources_and_operations_of_the_yaml()
    {
        WebhookRules.Mutating.Name.Should().Be(Mutating.Name);
        Mirrored(WebhookRules.Mutating).Should().BeEquivalentTo(Operations(Mutating.Rules));
    }

    [Fact]
    public void Validating_mirror_names_the_webhook_resources_and_operations_of_the_yaml()
    {
        WebhookRules.Validating.Name.Should().Be(Validating.Name);
        Mirrored(WebhookRules.Validating).Should().BeEquivalentTo(Operations(Validating.Rules));
    }

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Mirror_selects_a_namespace_exactly_when_both_selectors_of_the_yaml_do(string name, string? projectLabel)
    {
        var labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name };
        if (projectLabel is not null)
        {
            labels["stackblaze.io/project"] = projectLabel;
        }

        var mirrored = WebhookRules.SelectsNamespace(new NamespaceEntry(name, projectLabel is not null, null));

        mirrored.Should().Be(Selects(Mutating.NamespaceSelector, labels)).And.Be(Selects(Validating.NamespaceSelector, labels));
    }

    [Theory]
    [InlineData("pods", null, false)]
    [InlineData("pods", null, true)]
    [InlineData("pods", "false", false)]
    [InlineData("pods", "False", false)]
    [InlineData("pods", " false", false)]
    [InlineData("pods", "true", false)]
    [InlineData("deployments", "false", false)]
    [InlineData("cronjobs", "false", false)]
    public async Task Mirror_of_the_opt_out_condition_decides_as_its_cel_does(string resource, string? inject, bool otherAnnotationsOnly)
    {
        var condition = Mutating.MatchConditions.Should().ContainSingle().Subject;
        condition.Name.Should().Be(WebhookRules.OptOutCondition);
        var metadata = new JsonObject();
        if (inject is not null)
        {
            metadata["annotations"] = new JsonObject { ["stackblaze.io/inject"] = inject };
        }
        else if (otherAnnotationsOnly)
        {
            metadata["annotations"] = new JsonObject { ["team"] = "shop" };
        }
        var request = new JsonObject
        {
            ["request"] = new JsonObject { ["resource"] = new JsonObject { ["resource"] = resource } },
            ["object"] = new JsonObject { ["metadata"] = metadata },
        };

        (await CelEvaluator.IsTrueAsync(condition.Expression, request)).Should().Be(WebhookRules.PassesOptOutCondition(resource, inject));
    }

    private static Dictionary<string, string[]> Mirrored(WebhookRules rules) =>
        rules.Rules.ToDictionary(rule => $"{rule.Group}/{rule.Resource}", rule => rule.Operations.Select(o => o.ToString().ToUpperInvariant()).ToArray());

    private static Dictionary<string, string[]> Operations(IEnumerable<V1RuleWithOperations> rules) =>
        rules.SelectMany(rule => rule.ApiGroups.SelectMany(group => rule.Resources.Select(resource => (Key: $"{group}/{resource}", rule.Operations))))
            .ToDictionary(r => r.Key, r => r.Operations.ToArray());

    /// <summary>A label selector as the API server applies it to a namespace's labels.</summary>
    private static bool Selects(V1LabelSelector selector, Dictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.GetValueOrDefault(l.Key) == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            "In" => labels.TryGetValue(e.Key, out var value) && e.Values.Contains(value),
            "NotIn" => !labels.TryGetValue(e.Key, out var value) || !e.Values.Contains(value),
            _ => throw new InvalidOperationException($"operator {e.OperatorProperty}"),
        });
}
