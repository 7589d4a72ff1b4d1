using k8s;
using k8s.Models;

namespace StackBlaze.Webhook.Workloads;

/// <summary>Pods and the workload kinds whose pod templates the webhook handles.</summary>
public static class PodKinds
{
    private static readonly string[] Template = ["spec", "template"];

    public static readonly PodKind Pod = Create<V1Pod>("", "Pod", []);

    public static IReadOnlyList<PodKind> All { get; } =
    [
        Pod,
        Create<V1Deployment>("apps", "Deployment", Template),
        Create<V1StatefulSet>("apps", "StatefulSet", Template),
        Create<V1DaemonSet>("apps", "DaemonSet", Template),
        Create<V1ReplicaSet>("apps", "ReplicaSet", Template),
        Create<V1Job>("batch", "Job", Template),
        Create<V1CronJob>("batch", "CronJob", ["spec", "jobTemplate", "spec", "template"]),
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

    private static PodKind Create<TModel>(string group, string kind, string[] templatePath) =>
        new(group, kind, templatePath, json => KubernetesJson.Deserialize<TModel>(json)!);
}
