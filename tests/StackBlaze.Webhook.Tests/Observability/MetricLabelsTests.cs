using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Observability;
using StackBlaze.Webhook.Core.Patches;

namespace StackBlaze.Webhook.Tests.Observability;

/// <summary>How an answer is labelled: a closed set of values, whatever the request says.</summary>
public sealed class MetricLabelsTests
{
    private static readonly AdmissionOutcome PatchedOutcome =
        AdmissionOutcome.Patched([JsonPatchOperation.Add("/metadata/labels", new System.Text.Json.Nodes.JsonObject())], []);

    // Each row is named: rows with equal values would otherwise share an ID, and xunit would run one of them.
    public static TheoryData<string, string, int> Outcomes => new()
    {
        { "allow", "allowed", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Allow, false)) },
        { "patch", "patched", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", PatchedOutcome, false)) },
        { "policy deny", "denied", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Deny("no"), false)) },
        { "unreadable object", "denied", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Invalid("unreadable pod"), false)) },
        { "fault", "error", MetricLabels.OutcomeIndex(new AdmissionExchange("CREATE", AdmissionOutcome.Deny("we failed"), Faulted: true)) },
        { "no answer", "error", MetricLabels.OutcomeIndex(AdmissionExchange.Unanswered) },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Outcome_is_what_the_decision_was_or_error_when_there_was_none(string answer, string expected, int index)
    {
        MetricLabels.Outcomes[index].Should().Be(expected, answer);
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
