using StackBlaze.Webhook.Core.Admission;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>One rule of a webhook configuration: the requests on a resource the API server sends.</summary>
/// <param name="Group">The API group, "" for the core group.</param>
/// <param name="Kind">The kind whose objects the resource holds.</param>
/// <param name="Resource">The resource as the rule names it (<c>pods/ephemeralcontainers</c> for a subresource).</param>
/// <param name="Operations">The operations sent.</param>
internal sealed record WebhookRule(string Group, string Kind, string Resource, IReadOnlyList<Operation> Operations)
{
    /// <summary><c>apps/deployments</c>, <c>pods</c>: as a reader finds it in the configuration.</summary>
    public override string ToString() => Group.Length == 0 ? Resource : $"{Group}/{Resource}";
}
