namespace StackBlaze.Webhook.Core.Workloads;

/// <summary>Pods and the workload kinds whose pod templates the webhook handles.</summary>
internal static class PodKinds
{
    private static readonly string[] Template = ["spec", "template"];

    public static readonly PodKind Pod = new("", "Pod", []);

    public static IReadOnlyList<PodKind> All { get; } =
    [
        Pod,
        // Older than ReplicaSets, still served, and its pods are made by a kube-system controller: left out, it would be a way around the policy.
        new("", "ReplicationController", Template),
        new("apps", "Deployment", Template),
        new("apps", "StatefulSet", Template),
        new("apps", "DaemonSet", Template),
        new("apps", "ReplicaSet", Template),
        new("batch", "Job", Template),
        new("batch", "CronJob", ["spec", "jobTemplate", "spec", "template"]),
    ];

    // A loop, not LINQ: every admission request asks, and an enumerator over the list would be garbage each time.
    public static PodKind? Find(string group, string kind)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Kind == kind && All[i].Group == group)
            {
                return All[i];
            }
        }
        return null;
    }
}
