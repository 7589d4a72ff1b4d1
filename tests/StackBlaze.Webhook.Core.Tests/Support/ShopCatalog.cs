using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The Services of deploy/examples/shop, as the catalog would read them.</summary>
internal static class ShopCatalog
{
    public const string Namespace = "shop";

    public static StaticServiceCatalog Create() => new(
    [
        new ServiceEntry(Namespace, "frontend", [new ServicePortEntry("http", 80, null)]),
        new ServiceEntry(Namespace, "backend", [new ServicePortEntry("http", 3000, null)], EnvName: "API_URL"),
        new ServiceEntry(
            Namespace,
            "postgres",
            [new ServicePortEntry("postgres", 5432, "postgresql")],
            CredentialsSecret: "postgres-credentials",
            Database: "mydb"),
    ]);
}
