using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Admission;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Patches;
using StackBlaze.Webhook.Observability;

namespace StackBlaze.Webhook.Tests.Observability;

/// <summary>How an answer is labelled: a closed set of values, whatever the request says.</summary>
public sealed class MetricLabelsTests
{
    private static readonly AdmissionVerdict PatchedVerdict =
        AdmissionVerdict.Patched([JsonPatchOperation.Add("/metadata/labels", new JsonObject())], []);

    // Each row is named: rows with equal values would otherwise share an ID, and xunit would run one of them.
    public static TheoryData<string, string, int> Outcomes => new()
    {
        { "allow", "allowed", Index(AdmissionVerdict.Allow) },
        { "patch", "patched", Index(PatchedVerdict) },
        { "policy deny", "denied", Index(AdmissionVerdict.Denied(DenialReason.Policy, "no")) },
        { "unreadable object", "denied", Index(AdmissionVerdict.Denied(DenialReason.InvalidObject, "unreadable pod")) },
        { "fault", "error", MetricLabels.OutcomeIndex(new AdmissionExchange(Operation.Create, AdmissionAnswer.Failed("u"))) },
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
        MetricLabels.Operations[MetricLabels.OperationIndex(Read(operation)?.Operation)].Should().Be(label);
    }

    private static int Index(AdmissionVerdict verdict) =>
        MetricLabels.OutcomeIndex(new AdmissionExchange(Operation.Create, AdmissionAnswer.To(verdict)));

    /// <summary>A review with the operation as sent, read as the endpoint reads it; null when it is not a review.</summary>
    private static AdmissionAttributes? Read(string? operation)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["request"] = new JsonObject { ["uid"] = "u", ["kind"] = new JsonObject { ["kind"] = "Pod" }, ["operation"] = operation },
        };
        return AdmissionReviewReader.Read(JsonSerializer.SerializeToElement(review), out _);
    }
}
