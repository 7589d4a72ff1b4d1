using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

public class ContainerConfigReaderTests
{
    private static readonly System.Text.Json.JsonElement EverySource = Json.Fixture("PublicUrls/pod-every-source.json");

    [Fact]
    public void Every_value_with_a_dot_is_read_init_containers_first_env_then_env_from_then_command_and_args()
    {
        var catalog = Project(null, ConfigMap("app", ("search", "https://shop.example.com/search")));

        var values = ContainerConfigReader.Read(Pods.Read(EverySource), Services.Namespace, catalog);

        values.Should().Equal(
            new ConfigValue("migrate", "command[2]", null, "curl -fsS https://api.shop.example.com/migrate"),
            new ConfigValue("app", "ORDERS_API", "ORDERS_API", "https://api.shop.example.com/v1/orders?status=open"),
            new ConfigValue("app", "SEARCH_URL (ConfigMap app key search)", "SEARCH_URL", "https://shop.example.com/search", FromConfigMap: true),
            new ConfigValue("app", "SVC_search (ConfigMap app)", "SVC_search", "https://shop.example.com/search", FromConfigMap: true),
            new ConfigValue("app", "args[1]", null, "https://shop.example.com/"));
    }

    [Fact]
    public void Values_without_a_dot_name_no_host_and_are_passed_over_but_an_escaped_dot_is_seen()
    {
        var pod = Json.Parse("""
            {"spec":{"containers":[{"name":"app","env":[
              {"name":"PORT","value":"3000"},
              {"name":"API","value":"https://api\u002eshop.example\u002ecom"},
              {"name":"MODE","value":"fast"}],
              "args":["--verbose","api\u002eshop\u002eexample\u002ecom"]}]}}
            """);

        ContainerConfigReader.Read(Pods.Read(pod), Services.Namespace, Project()).Should().Equal(
            new ConfigValue("app", "API", "API", "https://api.shop.example.com"),
            new ConfigValue("app", "args[1]", null, "api.shop.example.com"));
    }

    [Fact]
    public void Config_maps_of_another_namespace_are_not_read()
    {
        var elsewhere = ConfigMap("app", ("search", "https://shop.example.com/search")) with { Namespace = "other" };

        var values = ContainerConfigReader.Read(Pods.Read(EverySource), Services.Namespace, Project(null, elsewhere));

        values.Select(v => v.Subject).Should().NotContain(s => s.Contains("ConfigMap", StringComparison.Ordinal));
    }
}
