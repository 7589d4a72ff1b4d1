namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The example manifests under deploy/examples, found from the test binaries upwards.</summary>
internal static class Examples
{
    private static readonly string Root = FindRoot();

    /// <summary>The folder of one example, e.g. "shop".</summary>
    public static string Folder(string name) => Path.Combine(Root, "deploy", "examples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StackBlaze.Webhook.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("StackBlaze.Webhook.sln not found above " + AppContext.BaseDirectory);
    }
}
