using k8s.Models;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>stackblaze-webhook network-policies</c>, run as a GitOps pipeline runs it.</summary>
public sealed class NetworkPoliciesCommandTests
{
    private static readonly string[] Selectors =
    [
        "--ingress-namespace-selector", "kubernetes.io/metadata.name=ingress-nginx",
        "--monitoring-namespace-selector", "kubernetes.io/metadata.name=monitoring",
    ];

    [Fact]
    public async Task Shop_gets_a_policy_per_service_and_its_public_services_admit_the_ingress_namespace()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["network-policies", "-f", "deploy/examples/shop", .. Selectors]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        var policies = Policies(result.Stdout);
        policies.Select(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}")
            .Should().Equal("shop/stackblaze-links-backend", "shop/stackblaze-links-frontend", "shop/stackblaze-links-postgres");
        // backend by its public-url annotation, frontend by the storefront Ingress; postgres is private.
        policies.Select(p => p.Spec.Ingress[0].FromProperty.Any(peer => peer.NamespaceSelector is not null))
            .Should().Equal(true, true, false);
        var ingressPeer = policies[1].Spec.Ingress[0].FromProperty.Single(peer => peer.NamespaceSelector is not null);
        ingressPeer.NamespaceSelector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "ingress-nginx" });
    }

    [Fact]
    public async Task The_output_is_the_policy_as_the_api_server_takes_it()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["network-policies", "-f", "deploy/examples/shop/postgres.yaml", .. Selectors]);

        result.Stdout.Should().Be("""
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              labels:
                app.kubernetes.io/managed-by: stackblaze-webhook
              name: stackblaze-links-postgres
              namespace: shop
            spec:
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          links.stackblaze.io/postgres: "true"
                    - podSelector:
                        matchLabels:
                          app: postgres
                  ports:
                    - port: 5432
                      protocol: TCP
              podSelector:
                matchLabels:
                  app: postgres
              policyTypes:
                - Ingress

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_ingress_in_the_catalog_makes_a_service_public_and_services_only_in_the_catalog_get_no_policy()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(
            ["network-policies", "-f", "deploy/examples/shop/frontend.yaml", "--catalog", "deploy/examples/shop", .. Selectors]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var policy = Policies(result.Stdout).Should().ContainSingle().Subject;
        policy.Metadata.Name.Should().Be("stackblaze-links-frontend");
        policy.Spec.Ingress[0].FromProperty.Should().Contain(peer => peer.NamespaceSelector != null);
    }

    [Fact]
    public async Task Manifests_without_services_give_no_policy()
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["network-policies", "-f", "deploy/examples/shop-public-urls", .. Selectors]);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--ingress-namespace-selector", "", "--ingress-namespace-selector: an empty selector would admit every namespace: give key=value")]
    [InlineData("--monitoring-namespace-selector", "monitoring", "--monitoring-namespace-selector: \"monitoring\" is not key=value")]
    [InlineData("--host-style", "cluster", "unknown argument \"--host-style\"")]
    public async Task A_bad_option_is_one_line_and_exit_2_with_nothing_printed(string option, string value, string expected)
    {
        var result = await ProcessRunner.RunWebhookCommandAsync(["network-policies", "-f", "deploy/examples/shop", option, value]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Split('\n')[0].Should().Be($"stackblaze-webhook: {expected}");
    }

    private static List<V1NetworkPolicy> Policies(string yaml) => [.. TypedManifests.Load(yaml, "stdout").Cast<V1NetworkPolicy>()];
}
