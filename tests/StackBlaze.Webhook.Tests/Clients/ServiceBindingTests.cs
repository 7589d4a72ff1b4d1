using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Clients;

/// <summary>
/// Service Binding volumes laid out as the kubelet lays them out, read by a real client library
/// (Node's kube-service-bindings) as an app configured by it would read them.
/// </summary>
public sealed class ServiceBindingTests
{
    private const string Password = "p@ss:w/rd?x#y";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Secrets = new()
    {
        ["postgres-credentials"] = new Dictionary<string, string> { ["username"] = "app", ["password"] = Password },
    };

    [Fact]
    public async Task Pg_client_gets_host_port_user_password_and_database_from_a_volume_per_binding()
    {
        using var root = new TemporaryFolder();

        var bindingRoot = LayOut("bindings-volume-per-service-pod.yaml", root.Path);
        var binding = await ServiceBindingClient.GetBindingAsync(bindingRoot, "POSTGRESQL", "pg");

        binding.Should().ContainKeys("host", "port", "user", "password", "database");
        new JsonObject
        {
            ["host"] = binding["host"]?.DeepClone(),
            ["port"] = binding["port"]?.DeepClone(),
            ["user"] = binding["user"]?.DeepClone(),
            ["password"] = binding["password"]?.DeepClone(),
            ["database"] = binding["database"]?.DeepClone(),
        }.ToJsonString().Should().Be(new JsonObject
        {
            ["host"] = "postgres.internal",
            ["port"] = "5432",
            ["user"] = "app",
            ["password"] = Password,
            ["database"] = "mydb",
        }.ToJsonString());
    }

    [Fact]
    public async Task Pg_client_reads_the_binding_the_webhook_projects_with_the_secrets_own_keys()
    {
        using var root = new TemporaryFolder();
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["postgres-pguser-app"] = new Dictionary<string, string> { ["user"] = "app", ["password"] = Password },
        };
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", RepositoryPaths.Fixture("Clients", "bindings-link.yaml")]);
        result.ExitCode.Should().Be(0, result.Stderr);
        // The template is what each pod of the Deployment is made from: its annotations and volumes are the pod's.
        var pod = ManifestReader.Parse(result.Stdout, "inject").Single(document => document.Kind == "Deployment").Body
            .GetProperty("spec").GetProperty("template");
        var container = pod.GetProperty("spec").GetProperty("containers")[0];

        ProjectedVolumeLayout.WriteMounts(pod, container, secrets, root.Path);
        var bindingRoot = Path.Combine(root.Path, KubeletEnvironment.Of(container, secrets)["SERVICE_BINDING_ROOT"].TrimStart('/'));
        var binding = await ServiceBindingClient.GetBindingAsync(bindingRoot, "POSTGRESQL", "pg");

        Pick(binding, "host", "port", "user", "password", "database", "type", "provider", "uri").Should().Be(new JsonObject
        {
            ["host"] = "postgres.internal",
            ["port"] = "5432",
            ["user"] = "app",
            ["password"] = Password,
            ["database"] = "mydb",
            ["type"] = "postgresql",
            ["provider"] = "stackblaze",
            ["uri"] = "postgresql://postgres.internal:5432/mydb",
        }.ToJsonString());
    }

    [Fact]
    public async Task One_projected_volume_at_the_binding_root_is_not_found_by_kube_service_bindings()
    {
        using var root = new TemporaryFolder();

        var bindingRoot = LayOut("bindings-one-volume-pod.yaml", root.Path);
        var read = () => ServiceBindingClient.GetBindingAsync(bindingRoot, "POSTGRESQL", "pg");

        // The files are there, but the kubelet's ..data link and timestamped folder sit beside
        // postgres/ at the root, have no `type` file, and the library's search gives up on the first.
        File.ReadAllText(Path.Combine(bindingRoot, "postgres", "password")).Should().Be(Password);
        Directory.EnumerateFileSystemEntries(bindingRoot).Select(Path.GetFileName).Should().Contain("..data");
        (await read.Should().ThrowAsync<InvalidOperationException>()).WithMessage("kube-service-bindings: No Binding Found");
    }

    // The members named, in that order, as JSON: what the library gave, compared whole.
    private static string Pick(JsonObject binding, params string[] names) =>
        new JsonObject(names.Select(name => KeyValuePair.Create(name, binding[name]?.DeepClone()))).ToJsonString();

    // Lays out the fixture pod's projected volumes under root as its container sees them, and gives
    // the folder its SERVICE_BINDING_ROOT names.
    private static string LayOut(string fixture, string root)
    {
        var file = RepositoryPaths.Fixture("Clients", fixture);
        var pod = ManifestReader.Parse(File.ReadAllText(file), file).Single().Body;
        var container = pod.GetProperty("spec").GetProperty("containers")[0];
        ProjectedVolumeLayout.WriteMounts(pod, container, Secrets, root);
        return Path.Combine(root, KubeletEnvironment.Of(container, Secrets)["SERVICE_BINDING_ROOT"].TrimStart('/'));
    }
}
