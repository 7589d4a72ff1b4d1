namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Who counts as a controller: the controllers of kube-controller-manager that make or change
/// pods, workloads and ConfigMaps, known by the user the API server authenticated, never by what
/// the object says of itself. An owner reference is written by whoever creates the object, so it
/// proves nothing; and other service accounts of kube-system (an operator or a CD tool installed
/// there) are not controllers of checked templates, so they are named one by one.
/// </summary>
internal static class ControllerUsers
{
    /// <summary>The controller manager's own user, when it runs without per-controller credentials.</summary>
    public const string ControllerManager = "system:kube-controller-manager";

    /// <summary>
    /// The users of kube-controller-manager's controllers (<c>--use-service-account-credentials</c>)
    /// that create or update what the validating webhook receives: pods from templates, ReplicaSets
    /// and Jobs from workloads, owner references, the root CA ConfigMap.
    /// </summary>
    public static IReadOnlyList<string> ServiceAccounts { get; } =
    [
        .. new[]
        {
            "replicaset-controller", "replication-controller", "statefulset-controller", "daemon-set-controller",
            "job-controller", "cronjob-controller", "deployment-controller", "generic-garbage-collector", "root-ca-cert-publisher",
        }.Select(name => $"system:serviceaccount:kube-system:{name}"),
    ];

    /// <summary>Whether the request was made by a controller, so what it makes was checked as a template.</summary>
    public static bool IsController(string? userName) =>
        userName is not null && (userName == ControllerManager || ServiceAccounts.Contains(userName, StringComparer.Ordinal));
}
