using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Clients;

/// <summary>
/// What <c>inject</c> writes, run as the kubelet runs it (its <c>$(VAR)</c> expansion, Secret values
/// from a test Secret) by psql against a real PostgreSQL.
/// </summary>
public sealed class PostgresClientTests(ShopPostgres postgres) : IClassFixture<ShopPostgres>
{
    private const string Query = "select current_user, current_database()";

    [Fact]
    public async Task Composed_url_with_a_url_safe_password_logs_in_as_the_role_to_the_services_database()
    {
        await postgres.Server.CreateRoleAsync("url_safe_app", "Url-safe_pass.word~42");

        var environment = await InjectedEnvironmentAsync("url_safe_app", "Url-safe_pass.word~42");
        var result = await postgres.Server.RunPsqlAsync(environment, environment["DATABASE_URL"], "-At", "-c", Query);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be($"url_safe_app|{ShopPostgres.Database}\n");
    }

    [Fact]
    public async Task Composed_url_with_a_password_holding_url_delimiters_does_not_log_in_which_is_why_issue_18_exists()
    {
        const string password = "p@ss:w/rd?x#y";
        await postgres.Server.CreateRoleAsync("delimiters_app", password);

        var environment = await InjectedEnvironmentAsync("delimiters_app", password);
        var result = await postgres.Server.RunPsqlAsync(environment, environment["DATABASE_URL"], "-At", "-c", Query);

        environment["DATABASE_URL"].Should().Be(
            $"postgresql://delimiters_app:{password}@127.0.0.1:{postgres.Server.Port}/mydb", "the kubelet substitutes the password as it is");
        result.ExitCode.Should().NotBe(0);
        result.Stdout.Should().BeEmpty();
        // libpq ends the password at the first `@`, takes `ss` for the host and `w` for its port, `rd` for the
        // database and then finds a query without `=`: the URL is refused before any connection.
        result.Stderr.Should().Contain("missing key/value separator \"=\" in URI query parameter: \"x#y@127.0.0.1:");
        // The role is fine: the same user and password given apart, with no URL to parse, log in.
        var apart = await postgres.Server.RunPsqlAsync(
            new Dictionary<string, string> { ["PGPASSWORD"] = environment["DATABASE_PASSWORD"] },
            "-h", "127.0.0.1", "-p", $"{postgres.Server.Port}", "-U", environment["DATABASE_USER"], "-d", ShopPostgres.Database, "-At", "-c", Query);
        apart.Stdout.Should().Be($"delimiters_app|{ShopPostgres.Database}\n", apart.Stderr);
    }

    [Fact]
    public async Task Wrong_password_is_refused_so_that_a_login_here_proves_the_password()
    {
        await postgres.Server.CreateRoleAsync("checked_app", "right-password");

        var result = await postgres.Server.RunPsqlAsync(
            new Dictionary<string, string> { ["PGPASSWORD"] = "wrong-password" },
            "-h", "127.0.0.1", "-p", $"{postgres.Server.Port}", "-U", "checked_app", "-d", ShopPostgres.Database, "-c", Query);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("password authentication failed for user \"checked_app\"");
    }

    // The api container of Fixtures/Clients/postgres-link.yaml after `inject -f`, with the env the
    // kubelet would give it when postgres-credentials holds this user and password.
    private async Task<IReadOnlyDictionary<string, string>> InjectedEnvironmentAsync(string user, string password)
    {
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["postgres-credentials"] = new Dictionary<string, string> { ["username"] = user, ["password"] = password },
        };
        return LoopbackAddress.Rewrite(await InjectedContainer.EnvironmentAsync("postgres-link.yaml", secrets), "postgres.internal", 5432, postgres.Server.Port);
    }
}
