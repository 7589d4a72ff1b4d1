using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>inject</c> over databases as charts and operators make them (issue 18).</summary>
public sealed class DatabaseLinkCommandTests
{
    private static readonly string Operators = Path.Combine("tests", "StackBlaze.Webhook.Tests", "Fixtures", "Databases", "operators.yaml");

    [Fact]
    public async Task Chart_port_names_operator_uris_and_libpq_variables_reach_the_pod_template()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", Operators]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var api = TypedManifests.Load(result.Stdout, "inject output").OfType<V1Deployment>().Single();
        api.Spec.Template.Spec.Containers.Single().Env.Select(Describe).Should().Equal(
            "DATABASE_URL=postgresql://orders-db.internal:5432/orders",
            "REDIS_URL=redis://cache.internal:6379",
            "APP_DATABASE_URL<-app-app/uri",
            "PGHOST=app-rw.internal",
            "PGPORT=5432",
            "PGDATABASE=app",
            "PGUSER<-app-app/username",
            "PGPASSWORD<-app-app/password");
    }

    [Fact]
    public async Task A_form_the_service_cannot_fill_fails_inject_naming_the_link_and_what_is_missing()
    {
        var manifests = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, Operators)))
            .Replace("PG*=app-rw\"", "DB_PASSWORD=cache\"", StringComparison.Ordinal);

        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "-"], manifests);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(
            "Deployment/api: link \"DB_PASSWORD=cache\": DB_PASSWORD is a password, but service \"cache\" has no stackblaze.io/credentials-secret; add it, or link another form");
    }

    [Fact]
    public async Task Injecting_again_after_the_service_drops_its_uri_puts_the_url_after_the_credentials_it_refers_to()
    {
        var manifests = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, Operators)))
            .Replace("APP_DATABASE_URL=app-rw, PG*=app-rw\"", "APP_DATABASE_URL=app-rw, APP_DATABASE_USER=app-rw, APP_DATABASE_PASSWORD=app-rw\"", StringComparison.Ordinal);
        var once = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "-"], manifests);
        once.ExitCode.Should().Be(0, once.Stderr);

        var twice = await ProcessRunner.RunWebhookCommandAsync(
            ["inject", "-f", "-"], once.Stdout.Replace("stackblaze.io/credentials-keys: uri=uri", "", StringComparison.Ordinal));

        twice.ExitCode.Should().Be(0, twice.Stderr);
        var api = TypedManifests.Load(twice.Stdout, "inject output").OfType<V1Deployment>().Single();
        // Kubernetes expands $(NAME) only for variables defined earlier.
        api.Spec.Template.Spec.Containers.Single().Env.Select(v => v.Name).Should().Equal(
            "DATABASE_URL", "REDIS_URL", "APP_DATABASE_USER", "APP_DATABASE_PASSWORD", "APP_DATABASE_URL");
    }

    private static string Describe(V1EnvVar variable) => variable.ValueFrom?.SecretKeyRef is { } secret
        ? $"{variable.Name}<-{secret.Name}/{secret.Key}"
        : $"{variable.Name}={variable.Value}";
}
