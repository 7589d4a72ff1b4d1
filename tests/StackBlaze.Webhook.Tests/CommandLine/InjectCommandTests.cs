using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook inject</c>, run as a user runs it.</summary>
public sealed class InjectCommandTests
{
    [Fact]
    public async Task Shop_example_frontend_gets_links_first_then_its_own_variables()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var frontend = Deployment(result.Stdout, "frontend");
        var env = frontend.Spec.Template.Spec.Containers.Single().Env;
        env.Select(Describe).Should().Equal(
            "API_URL=http://backend.internal:3000",
            "DATABASE_USER<-postgres-credentials/username",
            "DATABASE_PASSWORD<-postgres-credentials/password",
            "DATABASE_URL=postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.internal:5432/mydb",
            "PORT=8080",
            "API_PROXY_TARGET=$(API_URL)/api",
            "NEXT_PUBLIC_API_URL=https://api.shop.example.com");
        frontend.Spec.Template.Metadata.Annotations["stackblaze.io/injected-env"]
            .Should().Be("API_URL,DATABASE_USER,DATABASE_PASSWORD,DATABASE_URL");
    }

    [Fact]
    public async Task Links_on_the_deployment_itself_reach_its_pod_template()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/shop"]);

        var backend = Deployment(result.Stdout, "backend");
        backend.Spec.Template.Metadata.Annotations["stackblaze.io/links"].Should().Be("postgres");
        backend.Spec.Template.Spec.Containers.Single().Env.Select(e => e.Name)
            .Should().Equal("DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_URL");
    }

    [Fact]
    public async Task Grpc_app_keeps_its_addr_variables_now_filled_from_links()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/boutique"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        Deployment(result.Stdout, "frontend").Spec.Template.Spec.Containers.Single().Env.Select(Describe).Should().Equal(
            "PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice.internal:3550",
            "CURRENCY_SERVICE_ADDR=currencyservice.internal:7000",
            "CART_SERVICE_ADDR=cartservice.internal:7070",
            "CHECKOUT_SERVICE_ADDR=checkoutservice.internal:5050",
            "PORT=8080");
        Deployment(result.Stdout, "cartservice").Spec.Template.Spec.Containers.Single().Env.Select(Describe).Should().Equal(
            "REDIS_ADDR=redis-cart.internal:6379",
            "PORT=7070");
    }

    [Fact]
    public async Task Objects_without_links_pass_through_unchanged()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", Path.Combine("deploy", "examples", "shop", "postgres.yaml")]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.ShopExample, "postgres.yaml"));
        result.Stdout.Should().Be("---\n" + original, "the comments before the first object are its own");
    }

    [Fact]
    public async Task Manifests_read_from_standard_input_with_a_catalog_folder()
    {
        var deployment = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.ShopExample, "frontend.yaml"));

        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "-", "--catalog", "deploy/examples/shop"], stdin: deployment);

        result.ExitCode.Should().Be(0, result.Stderr);
        Deployment(result.Stdout, "frontend").Spec.Template.Spec.Containers.Single().Env.Should().HaveCount(7);
    }

    [Fact]
    public async Task Failing_link_is_reported_with_file_object_and_reason_and_exits_1()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("broken.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: worker
              namespace: shop
              annotations:
                stackblaze.io/links: "backend, payments"
            spec:
              containers:
                - name: worker
                  image: worker:1
            """);

        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", manifest, "--catalog", "deploy/examples/shop"]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty("half-injected output must not reach kubectl apply");
        result.Stderr.Should().Be(
            $"error: {manifest}:1: Pod/worker: link \"payments\": namespace \"shop\" has no service \"payments\" (it has backend, frontend, postgres)\n");
    }

    [Theory]
    [InlineData(new[] { "inject" }, "inject needs -f PATH")]
    [InlineData(new[] { "inject", "-f", "no/such/file.yaml" }, "no/such/file.yaml: no such file or folder")]
    [InlineData(new[] { "inject", "-f", "deploy/examples/shop", "--nope" }, "unknown argument \"--nope\"")]
    [InlineData(new[] { "serve", "--catalog", "deploy/examples/shop", "--tls-cert", "a.pem" }, "--tls-cert and --tls-key go together")]
    [InlineData(new[] { "serve", "--urls", "http://0.0.0.0:8080", "--catalog", "deploy/examples/shop" }, "--urls must be https://HOST:PORT")]
    [InlineData(new[] { "frobnicate" }, "unknown command \"frobnicate\"")]
    public async Task Bad_usage_exits_2_with_the_reason(string[] arguments, string reason)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(arguments);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("stackblaze-webhook: ").And.Contain(reason);
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Invalid_yaml_names_the_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var manifest = folder.Write("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");

        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", manifest]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith($"stackblaze-webhook: {manifest}:").And.Contain("not valid YAML");
    }

    private static V1Deployment Deployment(string yaml, string name) =>
        TypedManifests.Load(yaml, "inject output").OfType<V1Deployment>().Single(d => d.Metadata.Name == name);

    private static string Describe(V1EnvVar variable) => variable.ValueFrom?.SecretKeyRef is { } secret
        ? $"{variable.Name}<-{secret.Name}/{secret.Key}"
        : $"{variable.Name}={variable.Value}";
}
