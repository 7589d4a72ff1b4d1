using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class EnvNamesTests
{
    [Theory]
    [InlineData("API_URL")]
    [InlineData("_")]
    [InlineData("_X1")]
    [InlineData("A")]
    [InlineData("DB2_URL")]
    public void Upper_case_names_of_letters_digits_and_underscores_are_valid(string name)
    {
        EnvNames.IsValid(name).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("1API")]
    [InlineData("api_url")]
    [InlineData("API-URL")]
    [InlineData("API URL")]
    [InlineData("API.URL")]
    [InlineData("ÄPI")]
    public void Other_names_are_invalid(string name)
    {
        EnvNames.IsValid(name).Should().BeFalse();
    }

    [Theory]
    [InlineData("backend", "BACKEND_URL")]
    [InlineData("my-svc.v2", "MY_SVC_V2_URL")]
    [InlineData("api2", "API2_URL")]
    public void Default_name_of_a_service_is_upper_case_with_underscores_and_URL(string service, string expected)
    {
        var name = EnvNames.ForService(service);

        name.Should().Be(expected);
        EnvNames.IsValid(name).Should().BeTrue();
    }

    [Theory]
    [InlineData("DATABASE_URL", "DATABASE")]
    [InlineData("API_URL", "API")]
    [InlineData("DATABASE", "DATABASE")]
    [InlineData("MY_URL_HOST", "MY_URL_HOST")]
    [InlineData("_URL", "_URL")]
    public void Credential_base_is_the_name_without_a_trailing_URL(string envName, string expected)
    {
        EnvNames.CredentialBase(envName).Should().Be(expected);
    }
}
