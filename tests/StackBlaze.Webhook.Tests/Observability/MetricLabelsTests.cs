using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Observability;
using StackBlaze.Webhook.Patches;

namespace StackBlaze.Webhook.Tests.Observability;

/// <summary>How an answer is labelled: a closed set of values, whatever the request says.</summary>
public sealed class MetricLabelsTests
{
    private static readonly AdmissionOutcome PatchedOutcome =
        AdmissionOutcome.Patched([JsonPatchOperation.Add("/metadata/labels", new System.Text.Json.Nodes.JsonObject())], []);

    public static TheoryData<string, int> Outcomes => new()
    {
        { "allowed", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Allow, false)) },
        { "patched", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", PatchedOutcome, false)) },
        { "denied", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Deny("no"), false)) },
        { "denied", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Invalid("unreadable pod"), false)) },
        { "error", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Deny("we failed"), Faulted: true)) },
        { "error", MetricLabels.OutcomeIndex(AdmissionExchange.Unanswered) },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Outcome_is_what_the_decision_was_or_error_when_there_was_none(string expected, int index)
    {
        MetricLabels.Outcomes[index].Should().Be(expected);
    }

    [Theory]
    [InlineData("CREATE", "CREATE")]
    [InlineData("CONNECT", "CONNECT")]
    [InlineData("create", "other")]
    [InlineData("", "other")]
    [InlineData(null, "other")]
    [InlineData("\u202eETAERC", "other")]
    public void Operation_outside_the_four_of_kubernetes_is_other(string? operation, string label)
    {
        MetricLabels.Operations[MetricLabels.OperationIndex(operation)].Should().Be(label);
    }
}
