using System.Text.Json;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>A ConfigMap the catalog does not have yet is said to be unchecked, once, and never refused for.</summary>
public class ContainerConfigReaderNotKnownTests
{
    private const string WorkerSettings =
        "ConfigMap worker-settings is not known to the webhook yet, so its values were not checked for public URLs; "
        + "the ConfigMap is checked itself when it is created or changed";

    private static readonly JsonElement Template =
        Json.Fixture("PublicUrls/deployment-reads-worker-settings.json").GetProperty("spec").GetProperty("template");

    private static (List<string> NotKnown, List<string> NotChecked) Read(JsonElement pod, IProjectCatalog catalog)
    {
        List<string> notKnown = [], notChecked = [];
        _ = ContainerConfigReader.Read(Pods.Read(pod), Services.Namespace, catalog, notChecked.Add, notKnown.Add).ToList();
        return (notKnown, notChecked);
    }

    [Fact]
    public void Config_map_read_by_key_and_whole_by_several_containers_optional_or_not_is_named_once()
    {
        var (notKnown, notChecked) = Read(Template, Project());

        notKnown.Should().Equal(WorkerSettings);
        notChecked.Should().BeEmpty("what is not known is a warning, never a refusal");
    }

    [Fact]
    public void Each_config_map_not_known_is_named_whether_read_by_key_or_whole()
    {
        var (notKnown, _) = Read(Json.Fixture("PublicUrls/pod-every-source.json"), Project(null, ConfigMap("app", ("search", "https://shop.example.com/search"))));

        notKnown.Should().HaveCount(2);
        notKnown[0].Should().StartWith("ConfigMap nope is not known");
        notKnown[1].Should().StartWith("ConfigMap absent is not known");
    }

    [Fact]
    public void Config_map_without_any_address_is_known()
    {
        var (notKnown, _) = Read(Template, Project(null, ConfigMap("worker-settings", ("PORT", "8080"))));

        notKnown.Should().BeEmpty();
    }

    [Fact]
    public void Long_config_map_name_is_quoted_in_part()
    {
        var pod = Json.Parse("""{"spec":{"containers":[{"name":"app","envFrom":[{"configMapRef":{"name":"NAME"}}]}]}}""".Replace("NAME", new string('n', 5000), StringComparison.Ordinal));

        Read(pod, Project()).NotKnown.Should().ContainSingle().Which.Length.Should().BeLessThan(300);
    }
}
