namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The repository's root, found from the test binaries upwards; shared by both test projects.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StackBlaze.Webhook.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("StackBlaze.Webhook.sln not found above " + AppContext.BaseDirectory);
    }
}
