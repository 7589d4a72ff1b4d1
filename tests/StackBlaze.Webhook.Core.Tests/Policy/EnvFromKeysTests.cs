using StackBlaze.Webhook.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>Keys of letters, digits and underscores are variables; keys with a dot or a dash are file names.</summary>
public class EnvFromKeysTests
{
    [Theory]
    [InlineData("API_URL")]
    [InlineData("api_url")]
    [InlineData("http_proxy")]
    [InlineData("_PRIVATE")]
    [InlineData("1ST_API")]
    public void Identifier_keys_are_variables(string key)
    {
        EnvFromKeys.IsVariable(key).Should().BeTrue();
    }

    [Theory]
    [InlineData("nginx.conf")]
    [InlineData("app.properties")]
    [InlineData("ca.crt")]
    [InlineData("api-url")]
    [InlineData("")]
    public void Keys_no_shell_can_expand_are_files(string key)
    {
        EnvFromKeys.IsVariable(key).Should().BeFalse();
    }
}
