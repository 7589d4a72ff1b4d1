namespace StackBlaze.Webhook.Core.Conventions;

/// <summary>The label keys StackBlaze reads and writes.</summary>
public static class StackBlazeLabels
{
    /// <summary>On a Namespace: it is a StackBlaze project.</summary>
    public const string Project = "stackblaze.io/project";

    /// <summary>On a Namespace: <c>enforce</c> (the default), <c>warn</c> or <c>off</c>.</summary>
    public const string PublicUrlPolicy = "stackblaze.io/public-url-policy";

    /// <summary>On a project Namespace: <see cref="LinkNetworkPolicies"/> turns its links into NetworkPolicies.</summary>
    public const string NetworkPolicy = "stackblaze.io/network-policy";

    /// <summary>The value of <see cref="NetworkPolicy"/> that opts a project in.</summary>
    public const string LinkNetworkPolicies = "links";

    /// <summary>On the objects the webhook writes, with the value <see cref="ManagedByWebhook"/>.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    public const string ManagedByWebhook = "stackblaze-webhook";

    /// <summary>The prefix of <see cref="LinkedService"/>.</summary>
    public const string LinkedServicePrefix = "links.stackblaze.io/";

    /// <summary>On a pod, <c>"true"</c>: it links the Service, so the Service's NetworkPolicy admits it.</summary>
    public static string LinkedService(string service) => LinkedServicePrefix + service;
}
