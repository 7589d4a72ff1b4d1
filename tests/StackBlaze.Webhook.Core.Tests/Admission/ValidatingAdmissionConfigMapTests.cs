using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>A ConfigMap is checked when written: its keys that envFrom makes variables follow the rules of env entries.</summary>
public class ValidatingAdmissionConfigMapTests
{
    private const string Denied = "calls to this project's public URLs (stackblaze.io/public-url-policy: enforce): ";

    private const string ApiFinding =
        "key API_URL: calls https://api.shop.example.com/v1, the public URL of service \"backend\"; use http://backend.internal:3000/v1";

    private static AdmissionVerdict Validate(AdmissionAttributes request, string? policy = null) => new ValidatingAdmission(Project(policy)).Review(request);

    [Fact]
    public void Variable_key_calling_a_public_url_is_denied_with_the_internal_url_to_use()
    {
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With("API_URL", "https://api.shop.example.com/v1")));

        outcome.Allowed.Should().BeFalse();
        outcome.Denial.Should().Be(DenialReason.Policy);
        outcome.Message.Should().Be(Denied + ApiFinding);
        outcome.Findings!.Count.Should().Be(1);
    }

    [Theory]
    [InlineData("nginx.conf")]
    [InlineData("app.properties")]
    public void File_name_key_with_the_same_content_is_allowed(string key)
    {
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With(key, "proxy_pass https://api.shop.example.com/v1;")));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("api-url")]
    [InlineData("api.url")]
    public void Dashed_or_dotted_key_that_env_from_exports_and_programs_read_is_refused(string key)
    {
        // Spring binds api.url from that very variable; Node reads process.env["api-url"].
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With(key, "https://api.shop.example.com/v1")));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Contain($"key {key}: calls https://api.shop.example.com/v1");
    }

    [Fact]
    public void Escaped_dots_are_read_as_dots()
    {
        var configMap = Json.Parse("""{"metadata":{"name":"settings"},"data":{"API_URL":"https://api\u002eshop\u002eexample\u002ecom/v1"}}""");

        Validate(Reviews.Of("", "ConfigMap", configMap)).Message.Should().Be(Denied + ApiFinding);
    }

    [Fact]
    public void Binary_data_is_never_read()
    {
        var configMap = ConfigMaps.With([]);
        configMap["binaryData"] = new JsonObject { ["API_URL"] = Convert.ToBase64String("https://api.shop.example.com/v1"u8) };

        Validate(ConfigMaps.Review(configMap)).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Warn_mode_allows_with_the_finding_as_a_warning()
    {
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With("API_URL", "https://api.shop.example.com/v1")), "warn");

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().Equal(ApiFinding);
    }

    [Fact]
    public void Off_mode_checks_nothing()
    {
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With("API_URL", "https://api.shop.example.com/v1")), "off");

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Update_keeping_a_call_the_old_config_map_had_is_allowed_with_a_warning()
    {
        var old = ConfigMaps.With("API_URL", "https://api.shop.example.com/v1");

        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With([("API_URL", "https://api.shop.example.com/v1"), ("PORT", "8080")]), Operation.Update, old));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().Equal(ApiFinding);
    }

    [Fact]
    public void Update_adding_a_call_is_denied_for_the_new_one_only()
    {
        var old = ConfigMaps.With("API_URL", "https://api.shop.example.com/v1");

        var outcome = Validate(ConfigMaps.Review(
            ConfigMaps.With([("API_URL", "https://api.shop.example.com/v1"), ("SHOP_HOST", "shop.example.com")]), Operation.Update, old));

        outcome.Allowed.Should().BeFalse();
        outcome.Message.Should().Be(Denied + "key SHOP_HOST: calls shop.example.com, the public URL of service \"frontend\"; use frontend.internal");
        outcome.Warnings.Should().Equal(ApiFinding);
    }

    [Theory]
    [InlineData("NEXT_PUBLIC_API_URL")]
    [InlineData("ALLOWED_ORIGINS")]
    [InlineData("OAUTH_REDIRECT_URL")]
    public void Names_exempt_as_env_entries_are_allowed(string key)
    {
        Validate(ConfigMaps.Review(ConfigMaps.With(key, "https://api.shop.example.com/v1"))).Allowed.Should().BeTrue();
    }

    [Fact]
    public void Keys_the_config_maps_own_allow_annotation_names_are_allowed()
    {
        var configMap = ConfigMaps.With([("API_URL", "https://api.shop.example.com/v1"), ("SHOP_HOST", "shop.example.com")], AllowPublicUrls("API_URL"));

        var outcome = Validate(ConfigMaps.Review(configMap));

        outcome.Message.Should().Be(Denied + "key SHOP_HOST: calls shop.example.com, the public URL of service \"frontend\"; use frontend.internal");
    }

    [Fact]
    public void Owner_reference_claiming_a_controller_does_not_relax_enforce_mode()
    {
        var configMap = ConfigMaps.With("API_URL", "https://api.shop.example.com/v1");
        configMap["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = "made-up", ["uid"] = "1", ["controller"] = true,
        });

        Validate(ConfigMaps.Review(configMap)).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Credentials_in_the_url_are_not_quoted()
    {
        var outcome = Validate(ConfigMaps.Review(ConfigMaps.With("API_URL", "https://shop:hunter2@api.shop.example.com/v1?apikey=s3cret#token=t0ken")));

        outcome.Message.Should().Be(Denied
            + "key API_URL: calls https://***@api.shop.example.com/v1, the public URL of service \"backend\"; use http://backend.internal:3000/v1");
        outcome.Message.Should().NotContainAny("hunter2", "s3cret", "t0ken");
    }

    [Fact]
    public void Thousands_of_keys_calling_public_urls_give_a_bounded_answer_that_counts_them_all()
    {
        const int keys = 5_000;
        var configMap = ConfigMaps.With(Enumerable.Range(0, keys).Select(i => ($"API_{i:D4}_URL", $"https://api.shop.example.com/v1/{i}")));

        var outcome = Validate(ConfigMaps.Review(configMap));

        outcome.Allowed.Should().BeFalse();
        outcome.Message!.Length.Should().BeLessThanOrEqualTo(4000, "the host sends a message of up to 4,000 characters whole");
        outcome.Message.Should().StartWith(Denied + "key API_0000_URL: calls").And.EndWith($"and {ReviewLimits.MaxFindingsKept + 1 - ReviewLimits.MaxProblemsListed} more");
        outcome.Findings!.Count.Should().Be(keys);
    }

    [Fact]
    public void Data_that_is_not_an_object_is_a_bad_request()
    {
        var configMap = ConfigMaps.With([]);
        configMap["data"] = "API_URL=https://api.shop.example.com";

        var outcome = Validate(ConfigMaps.Review(configMap));

        outcome.Denial.Should().Be(DenialReason.InvalidObject);
        outcome.Message.Should().Be("the object cannot be read as a ConfigMap: data is not an object");
    }

    [Fact]
    public void Other_core_kinds_are_not_reviewed()
    {
        var secret = ConfigMaps.With("API_URL", "https://api.shop.example.com/v1");
        secret["kind"] = "Secret";

        Validate(Reviews.Of("", "Secret", Pods.Element(secret))).Should().BeSameAs(AdmissionVerdict.Allow);
    }

    [Fact]
    public void Deployment_reading_a_config_map_not_known_yet_is_allowed_in_enforce_mode_with_a_warning()
    {
        var outcome = Validate(Reviews.Of("apps", "Deployment", Json.Fixture("PublicUrls/deployment-reads-worker-settings.json")));

        outcome.Allowed.Should().BeTrue();
        outcome.Warnings.Should().ContainSingle().Which.Should().StartWith("ConfigMap worker-settings is not known to the webhook yet");
    }
}
