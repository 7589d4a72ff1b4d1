using System.Collections.Immutable;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Service entries and catalogs for tests, all in one namespace unless told otherwise.</summary>
internal static class Services
{
    public const string Namespace = "shop";

    public static ServiceEntry With(string name, params ServicePortEntry[] ports) =>
        new(Namespace, name, [.. ports]);

    public static ServiceEntry Http(string name, int port = 3000) => With(name, Port(port));

    public static ServicePortEntry Port(int port, string? name = null, string? appProtocol = null) => new(name, port, appProtocol);

    /// <summary>As deploy/examples/shop: backend names its variable API_URL, postgres has credentials and a database.</summary>
    public static ServiceEntry Backend { get; } = With("backend", Port(3000, "http")) with { EnvName = "API_URL" };

    public static ServiceEntry Postgres { get; } = With("postgres", Port(5432, "postgres", "postgresql")) with
    {
        CredentialsSecret = "postgres-credentials",
        Database = "mydb",
    };

    public static StaticProjectCatalog CatalogOf(params ServiceEntry[] services) => new(services);

    public static StaticProjectCatalog Shop { get; } = CatalogOf(Backend, Postgres, With("frontend", Port(80, "http")));

    public static ImmutableArray<ServicePortEntry> Ports(params ServicePortEntry[] ports) => [.. ports];
}
