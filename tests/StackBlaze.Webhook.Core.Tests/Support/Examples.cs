namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The example manifests under deploy/examples.</summary>
internal static class Examples
{
    /// <summary>The folder of one example, e.g. "shop".</summary>
    public static string Folder(string name) => Path.Combine(RepositoryRoot.Path, "deploy", "examples", name);
}
