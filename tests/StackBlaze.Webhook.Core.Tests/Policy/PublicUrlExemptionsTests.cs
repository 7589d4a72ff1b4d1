using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class PublicUrlExemptionsTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    [Theory]
    [InlineData("NEXT_PUBLIC_API_URL")]
    [InlineData("VITE_API_URL")]
    [InlineData("REACT_APP_API_URL")]
    [InlineData("NUXT_PUBLIC_API_BASE")]
    [InlineData("PUBLIC_API_URL")]
    [InlineData("GATSBY_API_URL")]
    [InlineData("EXPO_PUBLIC_API_URL")]
    public void Browser_exposed_prefix_is_exempt(string name)
    {
        PublicUrlExemptions.IsExempt(name, None).Should().BeTrue();
    }

    [Theory]
    [InlineData("ALLOWED_ORIGINS")]
    [InlineData("CORS_ALLOW_LIST")]
    [InlineData("LOGIN_REDIRECT_URL")]
    [InlineData("OAUTH_CALLBACK_URL")]
    [InlineData("allowed_origins")]
    public void Name_holding_origins_or_redirect_targets_is_exempt(string name)
    {
        PublicUrlExemptions.IsExempt(name, None).Should().BeTrue();
    }

    [Theory]
    [InlineData("API_URL")]
    [InlineData("BACKEND_PUBLIC_URL")]
    [InlineData("MY_NEXT_PUBLIC_URL")]
    [InlineData("next_public_api_url")]
    public void Other_names_are_not_exempt(string name)
    {
        PublicUrlExemptions.IsExempt(name, None).Should().BeFalse();
    }

    [Fact]
    public void Name_in_the_allow_list_is_exempt_and_others_are_not()
    {
        var allowed = PublicUrlExemptions.ParseAllowed("WEBHOOK_TARGET");

        PublicUrlExemptions.IsExempt("WEBHOOK_TARGET", allowed).Should().BeTrue();
        PublicUrlExemptions.IsExempt("API_URL", allowed).Should().BeFalse();
    }

    [Fact]
    public void Allow_list_is_split_on_commas_trimmed_and_empty_entries_dropped()
    {
        PublicUrlExemptions.ParseAllowed(" API_URL, ,SEARCH_URL ,,").Should().BeEquivalentTo(["API_URL", "SEARCH_URL"]);
    }

    [Fact]
    public void Allow_list_names_are_case_sensitive_as_env_names_are()
    {
        PublicUrlExemptions.IsExempt("API_URL", PublicUrlExemptions.ParseAllowed("api_url")).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Missing_or_blank_allow_list_allows_nothing(string? annotation)
    {
        PublicUrlExemptions.ParseAllowed(annotation).Should().BeEmpty();
    }

    [Fact]
    public void Command_and_args_are_never_exempt()
    {
        PublicUrlExemptions.IsExempt(null, new HashSet<string> { "args[0]", "" }).Should().BeFalse();
    }
}
