namespace StackBlaze.Webhook.Policy;

/// <summary>
/// Who counts as a controller: the controllers of kube-controller-manager, known by the user the
/// API server authenticated, never by what the object says of itself. An owner reference is written
/// by whoever creates the object, so it proves nothing; a token of a kube-system service account is
/// the platform's alone.
/// </summary>
public static class ControllerUsers
{
    /// <summary>The controller manager's own user, when it runs without per-controller credentials.</summary>
    public const string ControllerManager = "system:kube-controller-manager";

    /// <summary>What the user names of kube-system's service accounts start with (<c>replicaset-controller</c>, <c>job-controller</c>...).</summary>
    public const string KubeSystemServiceAccountPrefix = "system:serviceaccount:kube-system:";

    /// <summary>Whether the request was made by a controller, so what it makes was checked as a template.</summary>
    public static bool IsController(string? userName) =>
        userName is not null
        && (userName == ControllerManager || userName.StartsWith(KubeSystemServiceAccountPrefix, StringComparison.Ordinal));
}
