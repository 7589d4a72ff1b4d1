using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>inject -f</c> shows the Service Bindings a workload's pods get: it applies the webhook's own patch.</summary>
public sealed class InjectBindingsCommandTests
{
    [Fact]
    public async Task A_deployment_that_asks_for_bindings_shows_the_volume_mounts_root_and_files_in_its_template()
    {
        var manifest = RepositoryPaths.Fixture("Manifests", "orders-with-bindings.yaml");

        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", manifest, "--catalog", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var template = TypedManifests.Load(result.Stdout, "inject output").OfType<V1Deployment>().Single().Spec.Template;
        template.Metadata.Annotations.Should().Contain("stackblaze.io/service-bindings", "true")
            .And.Contain("postgres.bindings.stackblaze.io/type", "postgresql")
            .And.Contain("postgres.bindings.stackblaze.io/provider", "stackblaze")
            .And.Contain("postgres.bindings.stackblaze.io/host", "postgres.internal")
            .And.Contain("postgres.bindings.stackblaze.io/port", "5432")
            .And.Contain("postgres.bindings.stackblaze.io/database", "mydb")
            .And.Contain("postgres.bindings.stackblaze.io/uri", "postgresql://postgres.internal:5432/mydb");
        var volume = template.Spec.Volumes.Should().ContainSingle().Subject;
        volume.Name.Should().Be("stackblaze-binding-postgres");
        volume.Projected.Sources[0].DownwardAPI.Items.Select(i => $"{i.Path}<-{i.FieldRef.FieldPath}").Should().Contain(
            "uri<-metadata.annotations['postgres.bindings.stackblaze.io/uri']");
        volume.Projected.Sources[1].Secret.Items.Select(i => $"{i.Path}<-{i.Key}").Should().Equal("username<-username", "password<-password");
        var container = template.Spec.Containers.Single();
        container.VolumeMounts.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1VolumeMount { Name = "stackblaze-binding-postgres", MountPath = "/bindings/postgres", ReadOnlyProperty = true });
        container.Env.Should().ContainSingle(e => e.Name == "SERVICE_BINDING_ROOT").Which.Value.Should().Be("/bindings");
    }

    [Fact]
    public async Task Check_refuses_a_bindings_switch_the_pods_would_be_denied_for()
    {
        var manifest = (await File.ReadAllTextAsync(RepositoryPaths.Fixture("Manifests", "orders-with-bindings.yaml")))
            .Replace("stackblaze.io/service-bindings: \"true\"", "stackblaze.io/service-bindings: \"yes\"", StringComparison.Ordinal);

        var result = await ProcessRunner.RunWebhookCommandAsync(["check", "-f", "-", "--catalog", "deploy/examples/shop"], stdin: manifest);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stdout.Should().Contain("Deployment/orders: stackblaze.io/service-bindings: \"yes\" is neither \"true\" nor \"false\"");
    }

    [Fact]
    public async Task Injecting_the_output_again_changes_nothing()
    {
        var manifest = RepositoryPaths.Fixture("Manifests", "orders-with-bindings.yaml");
        var first = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", manifest, "--catalog", "deploy/examples/shop"]);

        var again = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "-", "--catalog", "deploy/examples/shop"], stdin: first.Stdout);

        again.ExitCode.Should().Be(0, again.Stderr);
        again.Stdout.Should().Be(first.Stdout);
    }
}
