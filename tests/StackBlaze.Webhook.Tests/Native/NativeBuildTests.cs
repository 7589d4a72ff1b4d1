using StackBlaze.Webhook.CommandLine.Reports;
using StackBlaze.Webhook.Tests.Release;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Native;

/// <summary>
/// The published native server does what the build does: no reflection the trimmer removed, no
/// serializer left out, the cluster watched through KubernetesClient.Aot's HTTP client. The binary is the
/// release's: what ships is not the build the other tests run.
/// </summary>
[Collection(ReleaseBuild.Collection)]
public sealed class NativeBuildTests(ReleaseBuild build)
{
    [Theory]
    [InlineData("inject -f deploy/examples/shop")]
    [InlineData("check -f deploy/examples/shop-public-urls --catalog deploy/examples/shop")]
    [InlineData("check -f deploy/examples/shop-public-urls --catalog deploy/examples/shop --output json")]
    [InlineData("check -f deploy/examples/boutique --output github")]
    [InlineData("check -f deploy/examples/shop-public-urls --catalog deploy/examples/shop --output sarif")]
    [InlineData("check -f deploy/examples/shop-public-urls --catalog deploy/examples/shop --output junit")]
    [InlineData("inject -f deploy/examples/no-such-folder")]
    public async Task Native_command_prints_and_exits_as_the_build_does(string commandLine)
    {
        var arguments = commandLine.Split(' ');
        var built = await ProcessRunner.RunWebhookCommandAsync(arguments);

        var native = await ProcessRunner.RunWebhookCommandAsync(arguments, program: build.Program);

        // The release stamps its own version, which SARIF names; the build the other tests run has the SDK's default.
        (native with { Stdout = native.Stdout.Replace(ReleaseBuild.Version, SarifReport.ToolVersion, StringComparison.Ordinal) }).Should().Be(built);
        (native.Stdout + native.Stderr).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Native_server_follows_the_cluster_and_answers_over_tls()
    {
        using var home = new TemporaryFolder();
        using var certificates = await TestCertificates.CreateAsync();
        await using var cluster = await ClusterObjects.StartClusterAsync("shop.yaml");

        await using var server = await ServerProcess.StartFollowingAsync(build.Program, cluster, certificates, home.Path);
        using var client = certificates.CreateTrustingClient(await server.WaitForListeningAsync());

        var listed = await (await client.PostAsync("/mutate", LinkAnswers.PodLinking("backend"))).ReadResponseAsync();
        listed.Injected("API_URL").Should().Be("http://backend.internal:3000", "the Services were listed");

        cluster.Put(ClusterObjects.Service("shop", "cart", 7070, "grpc"));
        var (watched, _) = await Eventually.ProbeAsync(
            async () => await (await client.PostAsync("/mutate", LinkAnswers.PodLinking("cart"))).ReadResponseAsync(),
            r => r.Allowed(), "a Service added later is seen through the watch", TimeSpan.FromSeconds(15));
        watched.Injected("CART_URL").Should().Be("grpc://cart.internal:7070");

        (await client.GetStringAsync("/metrics")).Should().Contain("stackblaze_webhook_admission_requests_total{");
    }
}
