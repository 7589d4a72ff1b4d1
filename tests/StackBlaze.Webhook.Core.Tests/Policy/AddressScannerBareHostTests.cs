using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class AddressScannerBareHostTests
{
    [Fact]
    public void Bare_host_is_found_without_port_or_rest()
    {
        var mention = AddressScanner.Scan("api.shop.example.com").Should().ContainSingle().Subject;

        mention.Should().Be(new AddressMention("api.shop.example.com", "api.shop.example.com", false, "", false));
        mention.Path.Should().Be("/");
    }

    [Fact]
    public void Host_and_port_is_found_with_the_host_lower_cased()
    {
        var mention = AddressScanner.Scan("API.Shop.Example.com:443").Should().ContainSingle().Subject;

        mention.Should().Be(new AddressMention("API.Shop.Example.com:443", "api.shop.example.com", true, "", false));
    }

    [Theory]
    [InlineData("--upstream=api.shop.example.com:443", "api.shop.example.com:443")]
    [InlineData("upstream api.shop.example.com;", "api.shop.example.com")]
    [InlineData("\"api.shop.example.com\"", "api.shop.example.com")]
    public void Bare_host_is_found_inside_a_longer_value(string value, string text)
    {
        AddressScanner.Scan(value).Select(m => m.Text).Should().Equal(text);
    }
}
