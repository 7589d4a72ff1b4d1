using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>
/// What the API server sends each webhook, as deploy/base's configurations say: <c>explain</c> has
/// no API server to ask offline, so it reads this mirror, and a test holds it to the YAML.
/// </summary>
internal sealed class WebhookRules
{
    /// <summary>The namespaces neither webhook is sent, project or not (the selector's <c>NotIn</c>).</summary>
    public static IReadOnlyList<string> ExcludedNamespaces { get; } = ["kube-system", "stackblaze-system"];

    /// <summary>The mutating webhook's match condition that leaves out pods that opt out.</summary>
    public const string OptOutCondition = "skip-pods-that-opt-out";

    private static readonly Operation[] Create = [Operation.Create];
    private static readonly Operation[] CreateAndUpdate = [Operation.Create, Operation.Update];

    private static readonly WebhookRule[] Workloads =
    [
        new("", "ReplicationController", "replicationcontrollers", CreateAndUpdate),
        new("apps", "Deployment", "deployments", CreateAndUpdate),
        new("apps", "StatefulSet", "statefulsets", CreateAndUpdate),
        new("apps", "DaemonSet", "daemonsets", CreateAndUpdate),
        new("apps", "ReplicaSet", "replicasets", CreateAndUpdate),
        new("batch", "Job", "jobs", CreateAndUpdate),
        new("batch", "CronJob", "cronjobs", CreateAndUpdate),
    ];

    private WebhookRules(string name, IReadOnlyList<WebhookRule> rules)
    {
        Name = name;
        Rules = rules;
    }

    /// <summary><c>links.webhook.stackblaze.io</c>: pods on CREATE, workloads on CREATE and UPDATE.</summary>
    public static WebhookRules Mutating { get; } = new("links.webhook.stackblaze.io", [new("", "Pod", "pods", Create), .. Workloads]);

    /// <summary><c>public-urls.webhook.stackblaze.io</c>: pods, their ephemeral containers, ConfigMaps and workloads.</summary>
    public static WebhookRules Validating { get; } = new("public-urls.webhook.stackblaze.io",
    [
        new("", "Pod", "pods", CreateAndUpdate),
        new("", "Pod", "pods/ephemeralcontainers", [Operation.Update]),
        new("", "ConfigMap", "configmaps", CreateAndUpdate),
        .. Workloads,
    ]);

    /// <summary>The webhook's name in its configuration.</summary>
    public string Name { get; }

    public IReadOnlyList<WebhookRule> Rules { get; }

    /// <summary>The rule that sends the kind's objects themselves (not a subresource), or null when none does.</summary>
    public WebhookRule? RuleFor(string group, string kind)
    {
        foreach (var rule in Rules)
        {
            if (rule.Group == group && rule.Kind == kind && !rule.Resource.Contains('/', StringComparison.Ordinal))
            {
                return rule;
            }
        }
        return null;
    }

    /// <summary>
    /// The namespace selector of both webhooks: a namespace labelled <c>stackblaze.io/project</c>,
    /// and not one of <see cref="ExcludedNamespaces"/> (its name is its <c>kubernetes.io/metadata.name</c> label).
    /// </summary>
    public static bool SelectsNamespace(NamespaceEntry ns) => ns.IsProject && !ExcludedNamespaces.Contains(ns.Name, StringComparer.Ordinal);

    /// <summary>
    /// The mutating webhook's match condition: every object but a pod whose <c>stackblaze.io/inject</c>
    /// is exactly <c>false</c> (CEL compares strings as they are: <c>False</c> is sent, and the webhook skips it).
    /// </summary>
    /// <param name="resource">The request's resource, <c>pods</c> for a pod.</param>
    /// <param name="inject">The object's <c>stackblaze.io/inject</c> annotation, or null.</param>
    public static bool PassesOptOutCondition(string resource, string? inject) => resource != "pods" || inject != "false";
}
