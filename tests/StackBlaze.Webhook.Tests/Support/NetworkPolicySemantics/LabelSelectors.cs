using k8s.Models;

namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>
/// Kubernetes' label selectors: <c>matchLabels</c> and <c>matchExpressions</c> all to hold, an empty
/// selector matching everything. Labels may be unknown (null): the answer is then null unless the
/// selector decides without them.
/// </summary>
internal static class LabelSelectors
{
    public static bool? Matches(V1LabelSelector selector, IReadOnlyDictionary<string, string>? labels)
    {
        var requirements = (selector.MatchLabels ?? new Dictionary<string, string>())
            .Select(pair => new V1LabelSelectorRequirement { Key = pair.Key, OperatorProperty = "In", Values = [pair.Value] })
            .Concat(selector.MatchExpressions ?? [])
            .ToList();
        if (requirements.Count == 0)
        {
            return true;
        }
        return labels is null ? null : requirements.All(requirement => Holds(requirement, labels));
    }

    private static bool Holds(V1LabelSelectorRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        var values = requirement.Values ?? [];
        return (requirement.OperatorProperty, values.Count) switch
        {
            ("In", > 0) => present && values.Contains(value!),
            // NotIn holds for a pod without the key, as in k8s.io/apimachinery's labels.Selector.
            ("NotIn", > 0) => !present || !values.Contains(value!),
            ("Exists", 0) => present,
            ("DoesNotExist", 0) => !present,
            _ => throw new InvalidDataException(
                $"the API server refuses the selector requirement {requirement.Key} {requirement.OperatorProperty} [{string.Join(", ", values)}]"),
        };
    }
}
