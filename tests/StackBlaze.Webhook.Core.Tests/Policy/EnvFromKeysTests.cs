using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>Keys envFrom exports and programs read are variables; keys named like files are not.</summary>
public class EnvFromKeysTests
{
    [Theory]
    [InlineData("API_URL")]
    [InlineData("api_url")]
    [InlineData("http_proxy")]
    [InlineData("_PRIVATE")]
    [InlineData("1ST_API")]
    [InlineData("api-url")]
    [InlineData("api.url")]
    [InlineData("spring.datasource.url")]
    public void Names_envFrom_exports_and_programs_read_are_variables(string key)
    {
        EnvFromKeys.IsVariable(key).Should().BeTrue();
    }

    [Theory]
    [InlineData("nginx.conf")]
    [InlineData("app.properties")]
    [InlineData("ca.crt")]
    [InlineData("settings.json")]
    [InlineData(".env")]
    [InlineData("my key")]
    [InlineData("")]
    public void Keys_named_like_files_or_that_are_no_variable_names_are_not(string key)
    {
        EnvFromKeys.IsVariable(key).Should().BeFalse();
    }
}
