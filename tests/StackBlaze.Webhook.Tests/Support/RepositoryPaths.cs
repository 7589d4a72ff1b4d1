namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Paths in the repository, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ShopExample => Path.Combine(Root, "deploy", "examples", "shop");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

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
