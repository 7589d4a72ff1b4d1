namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Paths in the repository.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string ShopExample => Path.Combine(Root, "deploy", "examples", "shop");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
}
