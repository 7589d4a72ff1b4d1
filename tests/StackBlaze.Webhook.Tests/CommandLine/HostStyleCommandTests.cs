using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>--host-style cluster</c>, for clusters whose CoreDNS cannot be edited, through every command that injects or suggests.</summary>
public sealed class HostStyleCommandTests
{
    [Fact]
    public async Task Inject_with_cluster_style_gives_each_service_its_cluster_name()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/shop", "--host-style", "cluster"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        InjectedValues(result.Stdout, "frontend").Should().Equal(
            "http://backend.shop.svc.cluster.local:3000",
            "postgresql://$(DATABASE_USER):$(DATABASE_PASSWORD)@postgres.shop.svc.cluster.local:5432/mydb");
    }

    [Fact]
    public async Task Inject_takes_the_cluster_domain_the_cluster_was_made_with()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["inject", "-f", "deploy/examples/shop", "--host-style", "cluster", "--cluster-domain", "corp.example"]);

        result.ExitCode.Should().Be(0, result.Stderr);
        InjectedValues(result.Stdout, "frontend")[0].Should().Be("http://backend.shop.svc.corp.example:3000");
    }

    [Fact]
    public async Task Check_with_cluster_style_suggests_the_cluster_name()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["check", "-f", "deploy/examples/shop-public-urls", "--catalog", "deploy/examples/shop", "--host-style", "cluster"]);

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().Contain("use http://backend.shop.svc.cluster.local:3000/v1/orders?status=open")
            .And.Contain("use backend.shop.svc.cluster.local\n")
            .And.NotContain(".internal");
    }

    [Fact]
    public async Task Internal_stays_the_default()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["inject", "-f", "deploy/examples/shop"]);

        InjectedValues(result.Stdout, "frontend")[0].Should().Be("http://backend.internal:3000");
    }

    [Theory]
    [InlineData("--host-style", "Cluster", "--host-style must be internal or cluster, not \"Cluster\"")]
    [InlineData("--host-style", "fqdn", "--host-style must be internal or cluster, not \"fqdn\"")]
    [InlineData("--cluster-domain", "cluster..local", "--cluster-domain must be a DNS name such as cluster.local, not \"cluster..local\"")]
    [InlineData("--cluster-domain", "Corp.Example", "--cluster-domain must be a DNS name such as cluster.local, not \"Corp.Example\"")]
    public async Task Bad_style_or_domain_exits_2_with_one_line_and_writes_nothing(string option, string value, string message)
    {
        foreach (var command in new[] { "inject", "check", "serve" })
        {
            string[] args = command == "serve" ? ["serve", "--catalog", "deploy/examples/shop", option, value] : [command, "-f", "deploy/examples/shop", option, value];

            var result = await ProcessRunner.RunWebhookCommandAsync(args);

            result.ExitCode.Should().Be(2, command);
            result.Stdout.Should().BeEmpty(command);
            result.Stderr.Split('\n')[0].Should().Be($"stackblaze-webhook: {message}", command);
        }
    }

    [Fact]
    public async Task Cluster_domain_that_would_make_a_host_of_the_longest_names_no_dns_name_is_refused()
    {
        // 122 characters: with a Service and a namespace of 63 each, hosts of 254.
        var domain = new string('a', 61) + "." + new string('b', 60);

        foreach (var command in new[] { "inject", "check", "explain", "serve" })
        {
            string[] args = command == "serve"
                ? ["serve", "--catalog", "deploy/examples/shop", "--cluster-domain", domain]
                : [command, "-f", "deploy/examples/shop", "--cluster-domain", domain];

            var result = await ProcessRunner.RunWebhookCommandAsync(args);

            result.ExitCode.Should().Be(2, command);
            result.Stdout.Should().BeEmpty(command);
            result.Stderr.Should().StartWith(
                "stackblaze-webhook: --cluster-domain must be at most 121 characters, so that every Service's host is a DNS name, not \"", command);
        }
    }

    [Fact]
    public async Task Serve_with_cluster_style_injects_cluster_names()
    {
        using var certificates = await TestCertificates.CreateAsync();
        await using var server = ServerProcess.Start(
            "--catalog", "deploy/examples/shop", "--urls", "https://127.0.0.1:0", "--tls-cert", certificates.CertFile, "--tls-key", certificates.KeyFile,
            "--host-style", "cluster", "--cluster-domain", "corp.example");
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());

        var response = await (await client.PostAsync("/mutate", Reviews.Load("frontend-pod-create.json"))).ReadResponseAsync();

        response.DecodedPatch().ToJsonString().Should().Contain("http://backend.shop.svc.corp.example:3000")
            .And.Contain("@postgres.shop.svc.corp.example:5432/mydb")
            .And.NotContain(".internal");
    }

    // The URLs the links inject: API_URL, then DATABASE_URL.
    private static string[] InjectedValues(string yaml, string deployment)
    {
        var env = TypedManifests.Load(yaml, "inject output").OfType<V1Deployment>().Single(d => d.Metadata.Name == deployment)
            .Spec.Template.Spec.Containers.Single().Env;
        return [.. env.Where(e => e.Name is "API_URL" or "DATABASE_URL").Select(e => e.Value)];
    }
}
