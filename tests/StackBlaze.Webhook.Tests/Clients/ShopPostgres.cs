using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Clients;

/// <summary>
/// A real PostgreSQL with the database the fixtures' Service names (<c>mydb</c>), owned by the
/// superuser so that each test can log in to it with a role of its own.
/// </summary>
public sealed class ShopPostgres : IAsyncLifetime
{
    public const string Database = "mydb";

    public PostgresServer Server { get; } = new();

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Server.CreateDatabaseAsync(Database, owner: "postgres");
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
