using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>Where a call can hide: ConfigMaps, command and args, init containers; never Secrets.</summary>
public class PublicUrlCheckerSourceTests
{
    private static readonly System.Text.Json.JsonElement EverySource = Json.Fixture("PublicUrls/pod-every-source.json");

    private static IReadOnlyList<PublicUrlFinding> Check(string search, string allowed = "") =>
        PublicUrlChecker.Check(Pods.Read(EverySource), PublicUrlExemptions.ParseAllowed(allowed), Services.Namespace, Project(null, ConfigMap("app", ("search", search))));

    [Fact]
    public void Every_source_of_the_pod_is_checked()
    {
        Check("https://shop.example.com/search?q=x").Select(f => (f.Container, f.Subject, f.InternalAddress)).Should().Equal(
            ("migrate", "command[2]", "http://backend.internal:3000/migrate"),
            ("app", "ORDERS_API", "http://backend.internal:3000/v1/orders?status=open"),
            // A ConfigMap's value is quoted only as far as its path (SecretRedaction).
            ("app", "SEARCH_URL (ConfigMap app key search)", "http://frontend.internal:80/search"),
            ("app", "SVC_search (ConfigMap app)", "http://frontend.internal:80/search"),
            ("app", "args[1]", "http://frontend.internal:80/"));
    }

    [Fact]
    public void Env_from_exemption_applies_to_prefix_and_key()
    {
        // SVC_ + search is not exempt, but allowing the full name is.
        Check("https://shop.example.com/search", allowed: "SVC_search").Select(f => f.Subject)
            .Should().NotContain("SVC_search (ConfigMap app)").And.Contain("SEARCH_URL (ConfigMap app key search)");
    }

    [Fact]
    public void Env_from_prefix_can_make_a_key_browser_exposed()
    {
        var pod = Json.Parse("""
            {"spec":{"containers":[{"name":"web","envFrom":[{"configMapRef":{"name":"app"},"prefix":"NEXT_PUBLIC_"}]}]}}
            """);

        PublicUrlChecker.Check(Pods.Read(pod), new HashSet<string>(), Services.Namespace, Project(null, ConfigMap("app", ("API_URL", PublicShop.ApiUrl))))
            .Should().BeEmpty();
    }

    [Fact]
    public void Arguments_are_checked_even_when_the_allow_list_names_them()
    {
        Check("none", allowed: "args[1],command[2]").Select(f => f.Subject).Should().Contain(["args[1]", "command[2]"]);
    }

    [Fact]
    public void Secrets_are_never_read_even_when_a_config_map_of_the_same_name_holds_a_public_url()
    {
        // The fixture's TOKEN_URL and envFrom secretRef name "app", as the ConfigMap does.
        Check("https://api.shop.example.com/token").Select(f => f.Subject)
            .Should().NotContain(s => s.StartsWith("TOKEN_URL", StringComparison.Ordinal) || s == "search");
    }
}
