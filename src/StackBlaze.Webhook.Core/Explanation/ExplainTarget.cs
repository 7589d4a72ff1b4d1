using System.Collections.Frozen;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Core.Workloads;

namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>The one object <c>explain KIND/NAME</c> is about, its kind spelled as kubectl takes it (<c>deploy/web</c>, <c>Deployment/web</c>).</summary>
/// <param name="Group">The kind's API group.</param>
/// <param name="Kind">The kind, as manifests write it.</param>
/// <param name="Name">The object's name.</param>
public sealed record ExplainTarget(string Group, string Kind, string Name)
{
    // kubectl's resource names, plural and short names, for the kinds the webhook handles.
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["pod"] = "Pod", ["pods"] = "Pod", ["po"] = "Pod",
        ["deployment"] = "Deployment", ["deployments"] = "Deployment", ["deploy"] = "Deployment",
        ["statefulset"] = "StatefulSet", ["statefulsets"] = "StatefulSet", ["sts"] = "StatefulSet",
        ["daemonset"] = "DaemonSet", ["daemonsets"] = "DaemonSet", ["ds"] = "DaemonSet",
        ["replicaset"] = "ReplicaSet", ["replicasets"] = "ReplicaSet", ["rs"] = "ReplicaSet",
        ["job"] = "Job", ["jobs"] = "Job",
        ["cronjob"] = "CronJob", ["cronjobs"] = "CronJob", ["cj"] = "CronJob",
        ["replicationcontroller"] = "ReplicationController", ["replicationcontrollers"] = "ReplicationController", ["rc"] = "ReplicationController",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a target must look like, for messages.</summary>
    public const string Form = "KIND/NAME (KIND: pod, deployment, statefulset, daemonset, replicaset, job, cronjob, replicationcontroller or their kubectl short names)";

    /// <summary>The target, or null and one line that says why <paramref name="text"/> is not one.</summary>
    public static ExplainTarget? Parse(string text, out string? error)
    {
        error = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && Aliases.TryGetValue(text[..slash], out var kindName) && PodKinds.All.FirstOrDefault(k => k.Kind == kindName) is { } kind
            && IsObjectName(text[(slash + 1)..]))
        {
            return new ExplainTarget(kind.Group, kind.Kind, text[(slash + 1)..]);
        }
        error = $"the target must be {Form}, not \"{BoundedText.Quote(text)}\"";
        return null;
    }

    public bool Matches(ManifestDocument document) => document.Kind == Kind && document.Group == Group && document.Name == Name;

    public override string ToString() => $"{Kind}/{Name}";

    /// <summary>A DNS-1123 subdomain, as Kubernetes requires of these objects' names.</summary>
    private static bool IsObjectName(string name) =>
        name.Length is > 0 and <= 253
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}
