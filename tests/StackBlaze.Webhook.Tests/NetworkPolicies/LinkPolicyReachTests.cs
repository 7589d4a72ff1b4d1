namespace StackBlaze.Webhook.Tests.NetworkPolicies;

/// <summary>
/// The link policies judged by what they admit under Kubernetes' NetworkPolicy semantics: a pod
/// reaches a Service's pods, on its target ports, when it links the Service or is one of them; the
/// ingress namespace reaches the public Services, the monitoring namespace the metrics ports; nothing
/// else gets through.
/// </summary>
public sealed class LinkPolicyReachTests
{
    [Fact]
    public async Task Boutique_pods_reach_the_services_they_link_and_nothing_else()
    {
        var project = await PolicedProject.LoadAsync("deploy/examples/boutique");

        project.Admitted().Should().Equal(
            "cartservice -> cartservice 7070/TCP",
            "checkoutservice -> cartservice 7070/TCP",
            "checkoutservice -> checkoutservice 5050/TCP",
            "frontend -> cartservice 7070/TCP",
            "frontend -> checkoutservice 5050/TCP",
            "frontend -> frontend 8080/TCP");
    }

    [Fact]
    public async Task Market_pods_reach_what_they_link_and_outside_namespaces_only_public_services_and_metrics_ports()
    {
        var project = await PolicedProject.LoadAsync("tests/StackBlaze.Webhook.Tests/Fixtures/NetworkPolicies/market");

        project.Admitted().Should().Equal(
            // api's pods are one Service over two Deployments: its named port is 8080 on v1, 9090 on v2.
            "api-v1 -> api-v1 8080/TCP",
            "api-v1 -> api-v1 9102/TCP",
            "api-v1 -> api-v2 9090/TCP",
            "api-v1 -> api-v2 9102/TCP",
            "api-v1 -> postgres 5432/TCP",
            "api-v1 -> statsd 8125/UDP",
            "api-v2 -> api-v1 8080/TCP",
            "api-v2 -> api-v1 9102/TCP",
            "api-v2 -> api-v2 9090/TCP",
            "api-v2 -> api-v2 9102/TCP",
            "api-v2 -> postgres 5432/TCP",
            // api is public by its public-url annotation, storefront by its Ingress.
            "ingress-nginx -> api-v1 8080/TCP",
            "ingress-nginx -> api-v1 9102/TCP",
            "ingress-nginx -> api-v2 9090/TCP",
            "ingress-nginx -> api-v2 9102/TCP",
            "ingress-nginx -> storefront 8080/TCP",
            "monitoring -> api-v1 9102/TCP",
            "monitoring -> api-v2 9102/TCP",
            "postgres -> postgres 5432/TCP",
            "statsd -> statsd 8125/UDP",
            "storefront -> api-v1 8080/TCP",
            "storefront -> api-v1 9102/TCP",
            "storefront -> api-v2 9090/TCP",
            "storefront -> api-v2 9102/TCP",
            "storefront -> storefront 8080/TCP");
    }
}
