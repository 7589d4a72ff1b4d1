using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>How reports name a finding's rule and level: ids stable across releases, since CI tools track findings by them.</summary>
internal static class FindingRules
{
    /// <summary>Every rule, in the order SARIF lists them (a result's <c>ruleIndex</c>).</summary>
    public static readonly FindingRule[] All = Enum.GetValues<FindingRule>();

    /// <summary>"error" for a violation, "warning" for the rest: the words of SARIF, GitHub annotations and the json format.</summary>
    public static string Level(CheckFinding finding) => finding.IsViolation ? "error" : "warning";

    public static string Id(FindingRule rule) => rule switch
    {
        FindingRule.PublicUrl => "public-url",
        FindingRule.BrokenLink => "broken-link",
        FindingRule.UnreadableObject => "unreadable-object",
        FindingRule.CallsNotListed => "calls-not-listed",
        FindingRule.NotChecked => "not-checked",
        _ => "advice",
    };

    /// <summary>What the rule checks, in one line.</summary>
    public static string Summary(FindingRule rule) => rule switch
    {
        FindingRule.PublicUrl => "A project's service is called through its public URL.",
        FindingRule.BrokenLink => "A stackblaze.io/links entry cannot work.",
        FindingRule.UnreadableObject => "The object cannot be read as its kind.",
        FindingRule.CallsNotListed => "More calls to public URLs than are listed one by one.",
        FindingRule.NotChecked => "A ConfigMap value the webhook keeps only in part was not checked whole.",
        _ => "Allowed, but worth a look.",
    };

    /// <summary>What to do about it.</summary>
    public static string Help(FindingRule rule) => rule switch
    {
        FindingRule.PublicUrl => "Call the Service by the .internal address the finding gives: a public URL leaves the cluster and comes back "
            + "through the ingress. If the public URL is meant, list the variable in the stackblaze.io/allow-public-urls annotation.",
        FindingRule.BrokenLink => "Name a Service of the project's namespace, and a port it has; the message lists the Services that exist.",
        FindingRule.UnreadableObject => "Fix the object so that the API server would accept it; the message says which field is wrong.",
        FindingRule.CallsNotListed => "Fix the calls listed, then run check again to see the next ones.",
        FindingRule.NotChecked => "Keep the ConfigMap's values within the webhook's limits, or split the ConfigMap, so that every value is checked.",
        _ => "Read the message: nothing is refused, but the object may not work as meant.",
    };
}
