using System.Globalization;
using System.Text;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;
using StackBlaze.Webhook.Core.Workloads;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>A large ConfigMap value hides no public URL: what is kept is checked, and what is not is said.</summary>
public class PublicUrlCheckerConfigMapLimitTests
{
    private static readonly System.Text.Json.JsonElement EverySource = Json.Fixture("PublicUrls/pod-every-source.json");

    [Fact]
    public void Public_url_after_a_megabyte_of_filler_is_found_with_the_usual_message()
    {
        var filler = new StringBuilder().Insert(0, "Nothing to see here. ", 1024 * 1024 / 21).ToString();
        var catalog = Project(null, ConfigMap("app", ("search", filler + "https://shop.example.com/search?q=x")));

        var findings = PublicUrlChecker.Check(Pods.Read(EverySource), PublicUrlExemptions.ParseAllowed(""), Services.Namespace, catalog);

        findings.Where(f => f.Subject.Contains("ConfigMap", StringComparison.Ordinal)).Select(f => f.ToString()).Should().Equal(
            "container \"app\" SEARCH_URL (ConfigMap app key search): calls https://shop.example.com/search, the public URL of service \"frontend\"; use http://frontend.internal:80/search",
            "container \"app\" SVC_search (ConfigMap app): calls https://shop.example.com/search, the public URL of service \"frontend\"; use http://frontend.internal:80/search");
    }

    [Fact]
    public void Value_with_more_addresses_than_kept_counts_as_a_call_that_says_how_many_were_checked()
    {
        var catalog = Project("enforce", ConfigMap("app", ("search", Urls(200) + " https://shop.example.com/search")));

        var evaluation = Evaluate(catalog);

        evaluation.Findings.Should().NotContain(f => f.Subject.Contains("ConfigMap", StringComparison.Ordinal), "the public URL comes after the 64 addresses kept");
        evaluation.Unchecked.Should().Equal(
            ["ConfigMap app key search holds more addresses than the webhook keeps (64, or 8 KiB); only the first 64 were checked"],
            "the key is taken twice (configMapKeyRef and envFrom) and said once");
    }

    [Fact]
    public void Key_left_out_when_the_namespace_budget_ran_out_counts_as_a_call_that_was_not_checked()
    {
        var full = ConfigMapEntry.FromData(Services.Namespace, "app", Enumerable.Range(0, 100)
            .Select(k => KeyValuePair.Create($"k{k:D3}", Urls(64, $"k{k:D3}-"))));
        full.Values.Should().HaveCount(100);
        var catalog = Project(null, full);

        var evaluation = Evaluate(catalog);

        evaluation.Unchecked.Should().Contain([
            "ConfigMap app key search was not checked: this namespace's ConfigMaps hold more addresses than the webhook keeps (256 KiB)",
            "ConfigMap app was checked only in part: this namespace's ConfigMaps hold more addresses than the webhook keeps (256 KiB)",
        ]);
    }

    [Fact]
    public void Config_maps_within_the_limits_give_no_warning()
    {
        Evaluate(Project(null, ConfigMap("app", ("search", Urls(64))))).Unchecked.Should().BeEmpty();
    }

    private static PodEvaluation Evaluate(StaticProjectCatalog catalog) =>
        PodEvaluator.Evaluate(EverySource, PodKinds.Pod, Services.Namespace, catalog, out _)!;

    /// <summary><paramref name="count"/> distinct internal URLs of about 64 characters, none of them public.</summary>
    private static string Urls(int count, string prefix = "") => string.Join(' ', Enumerable.Range(0, count)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"http://{prefix}svc-{i:D3}.internal:8080/{new string('p', 30)}")));
}
