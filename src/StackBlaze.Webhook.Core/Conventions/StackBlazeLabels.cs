namespace StackBlaze.Webhook.Core.Conventions;

/// <summary>The label keys StackBlaze reads.</summary>
public static class StackBlazeLabels
{
    /// <summary>On a Namespace: it is a StackBlaze project.</summary>
    public const string Project = "stackblaze.io/project";

    /// <summary>On a Namespace: <c>enforce</c> (the default), <c>warn</c> or <c>off</c>.</summary>
    public const string PublicUrlPolicy = "stackblaze.io/public-url-policy";
}
