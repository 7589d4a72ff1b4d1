using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Explanation;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Tests.Explanation;

/// <summary>The mirror of the webhook configurations against the kinds the webhook itself handles (deploy tests hold it to the YAML).</summary>
public class WebhookRulesTests
{
    [Fact]
    public void Mutating_webhook_is_sent_exactly_the_kinds_it_handles_pods_on_create_only()
    {
        WebhookRules.Mutating.Rules.Select(r => (r.Group, r.Kind)).Should().BeEquivalentTo(PodKinds.All.Select(k => (k.Group, k.Kind)));
        WebhookRules.Mutating.RuleFor("", "Pod")!.Operations.Should().Equal(Operation.Create);
    }

    [Fact]
    public void Validating_webhook_is_sent_every_kind_it_handles_and_config_maps()
    {
        foreach (var kind in PodKinds.All)
        {
            WebhookRules.Validating.RuleFor(kind.Group, kind.Kind)!.Operations.Should().Equal(Operation.Create, Operation.Update);
        }
        WebhookRules.Validating.RuleFor("", "ConfigMap").Should().NotBeNull();
        WebhookRules.Validating.RuleFor("", "Service").Should().BeNull();
    }
}
