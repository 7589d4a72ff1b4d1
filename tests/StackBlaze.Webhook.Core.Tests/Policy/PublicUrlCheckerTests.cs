using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

public class PublicUrlCheckerTests
{
    private static readonly IReadOnlySet<string> NoneAllowed = new HashSet<string>();

    private static IReadOnlyList<PublicUrlFinding> Check(System.Text.Json.Nodes.JsonObject pod, IReadOnlySet<string>? allowed = null) =>
        PublicUrlChecker.Check(Pods.Read(Pods.Element(pod)), allowed ?? NoneAllowed, Services.Namespace, Project());

    [Fact]
    public void Env_value_calling_a_public_url_is_a_finding_with_the_internal_url()
    {
        Check(Pod("API", "https://api.shop.example.com/api/users")).Should().Equal(
            new PublicUrlFinding("app", "API", "https://api.shop.example.com/api/users", "backend", "http://backend.internal:3000/api/users"));
    }

    [Fact]
    public void Finding_reads_as_one_line_naming_container_variable_url_service_and_internal_url()
    {
        Check(Pod("API", "https://api.shop.example.com/api/users")).Single().ToString().Should().Be(
            "container \"app\" API: calls https://api.shop.example.com/api/users, the public URL of service \"backend\"; use http://backend.internal:3000/api/users");
    }

    [Fact]
    public void Ingress_host_leads_to_its_backend()
    {
        Check(Pod("SHOP", "https://shop.example.com/cart")).Should().Equal(
            new PublicUrlFinding("app", "SHOP", "https://shop.example.com/cart", "frontend", "http://frontend.internal:80/cart"));
    }

    [Theory]
    [InlineData("https://example.org/api")]
    [InlineData("https://api.example.com")]
    [InlineData("http://backend.internal:3000/api/users")]
    [InlineData("/etc/api.shop.example.com.conf")]
    public void Value_without_a_public_host_of_the_project_is_no_finding(string value)
    {
        Check(Pod("API", value)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("NEXT_PUBLIC_API_URL")]
    [InlineData("ALLOWED_ORIGINS")]
    public void Exempt_variable_is_no_finding(string name)
    {
        Check(Pod(name, "https://api.shop.example.com")).Should().BeEmpty();
    }

    [Fact]
    public void Allowed_variable_is_no_finding_and_the_others_still_are()
    {
        var pod = Pod([("WEBHOOK_TARGET", "https://api.shop.example.com/hooks"), ("API", "https://api.shop.example.com")]);

        Check(pod, PublicUrlExemptions.ParseAllowed("WEBHOOK_TARGET")).Select(f => f.Subject).Should().Equal("API");
    }

    [Fact]
    public void Several_addresses_in_one_value_are_each_a_finding()
    {
        Check(Pod("UPSTREAMS", "https://api.shop.example.com/v1,shop.example.com:443")).Select(f => f.InternalAddress)
            .Should().Equal("http://backend.internal:3000/v1", "frontend.internal:80");
    }

    [Fact]
    public void Public_host_in_the_query_of_another_url_is_no_call()
    {
        Check(Pod("AUTH_URL", "https://auth.example.org/login?next=shop.example.com")).Should().BeEmpty();
    }

    [Fact]
    public void Public_host_of_another_namespace_is_no_finding()
    {
        var pod = Pods.Element(Pod("API", "https://api.shop.example.com"));

        PublicUrlChecker.Check(Pods.Read(pod), NoneAllowed, "other", Project()).Should().BeEmpty();
    }
}
