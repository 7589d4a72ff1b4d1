using System.Text.Json;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Clients;

/// <summary>
/// A generated password holding URL delimiters, given to psql the two ways the README says to:
/// libpq's variables (<c>PG*=postgres</c>) and an operator's encoded uri (<c>credentials-keys: uri=uri</c>).
/// </summary>
public sealed class GeneratedPasswordClientTests(ShopPostgres postgres) : IClassFixture<ShopPostgres>
{
    private const string Password = "p@ss:w/rd?x#y";
    private const string Query = "select current_user, current_database()";
    private const string Links = "PG*=postgres, APP_DATABASE_URL=app-rw";

    [Fact]
    public async Task Libpq_variables_from_inject_log_in_with_a_password_holding_url_delimiters()
    {
        await postgres.Server.CreateRoleAsync("libpq_app", Password);

        var environment = await InjectedEnvironmentAsync(Secrets("libpq_app", ""));
        var result = await postgres.Server.RunPsqlAsync(environment, "-At", "-c", Query);

        environment["PGPASSWORD"].Should().Be(Password, "libpq's variables need no encoding");
        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be($"libpq_app|{ShopPostgres.Database}\n");
    }

    [Fact]
    public async Task An_operators_uri_from_inject_logs_in_with_a_password_holding_url_delimiters()
    {
        await postgres.Server.CreateRoleAsync("operator_app", Password);
        // As CloudNativePG writes it: the password percent-encoded.
        var uri = $"postgresql://operator_app:{Uri.EscapeDataString(Password)}@app-rw.internal:5432/mydb";

        var environment = await InjectedEnvironmentAsync(Secrets("operator_app", uri));
        var result = await postgres.Server.RunPsqlAsync(environment, environment["APP_DATABASE_URL"], "-At", "-c", Query);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be($"operator_app|{ShopPostgres.Database}\n");
    }

    [Fact]
    public async Task The_https_servers_patch_applied_by_kubectl_and_another_library_gives_variables_psql_logs_in_with()
    {
        await postgres.Server.CreateRoleAsync("served_app", Password);
        await using var server = await LoopbackServer.StartAsync(ManifestCatalog.FromDocuments(
            ManifestReader.ReadAll([RepositoryPaths.Fixture("Clients", "postgres-operator.yaml")], TextReader.Null), "shop"));
        var review = Reviews.Load("frontend-pod-create.json");
        review.PodAnnotations()["stackblaze.io/links"] = Links;
        var pod = review.Request()["object"]!.DeepClone();
        // kubectl patches only objects with a name.
        pod["metadata"]!["name"] = "frontend-7d9c6b5f4-x2k9p";

        var response = await (await server.Client.PostAsync("/mutate", review)).ReadResponseAsync();
        response["allowed"]!.GetValue<bool>().Should().BeTrue(response.ToJsonString());
        var patch = Convert.FromBase64String(response["patch"]!.GetValue<string>());
        var patched = IndependentJsonPatch.Apply(pod, patch);
        (await KubectlPatch.ApplyAsync(pod, patch))["spec"].ShouldDeepEqual(patched["spec"]);

        var container = JsonSerializer.SerializeToElement(patched["spec"]!["containers"]![0]);
        var environment = ToLoopback(KubeletEnvironment.Of(container, Secrets("served_app", "")));
        var result = await postgres.Server.RunPsqlAsync(environment, "-At", "-c", Query);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Be($"served_app|{ShopPostgres.Database}\n");
    }

    // The test Secrets: postgres's username and password, and app-rw's operator Secret with its uri.
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Secrets(string user, string uri) => new()
    {
        ["postgres-credentials"] = new Dictionary<string, string> { ["username"] = user, ["password"] = Password },
        ["app-app"] = new Dictionary<string, string> { ["username"] = user, ["password"] = Password, ["uri"] = uri },
    };

    private async Task<IReadOnlyDictionary<string, string>> InjectedEnvironmentAsync(Dictionary<string, IReadOnlyDictionary<string, string>> secrets) =>
        ToLoopback(await InjectedContainer.EnvironmentAsync("postgres-operator.yaml", secrets));

    private IReadOnlyDictionary<string, string> ToLoopback(IReadOnlyDictionary<string, string> environment) =>
        LoopbackAddress.Rewrite(
            LoopbackAddress.Rewrite(environment, "postgres.internal", 5432, postgres.Server.Port), "app-rw.internal", 5432, postgres.Server.Port);
}
