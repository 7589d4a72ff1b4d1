using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class AddressScannerFalsePositiveTests
{
    [Theory]
    [InlineData("/etc/app.conf")]
    [InlineData("./config/app.settings.json")]
    [InlineData("ops@shop.example.com")]
    [InlineData("first.last@shop.example.com")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3")]
    [InlineData("3.14")]
    [InlineData("node:18.2.0-alpine")]
    [InlineData("$(API_URL)/api")]
    [InlineData("hello world")]
    [InlineData("")]
    [InlineData("registry.example.com/shop/frontend:1.4.2")]
    [InlineData("registry.example.com:5000/app:1.2")]
    [InlineData("registry.example.com/app@sha256:4f2a9c")]
    [InlineData("dns:1.2.3")]
    [InlineData("dns:")]
    public void Value_without_an_address_has_no_mention(string value)
    {
        AddressScanner.Scan(value).Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://cdn.example.com/assets/app.min.js")]
    [InlineData("https://cdn.example.com/download?file=report.pdf")]
    [InlineData("https://cdn.example.com/login?next=shop.example.com")]
    [InlineData("https://cdn.example.com/docs#section.two")]
    public void Dotted_words_inside_a_url_are_part_of_it_not_hosts(string value)
    {
        AddressScanner.Scan(value).Select(m => m.Host).Should().Equal("cdn.example.com");
    }

    [Fact]
    public void Url_nested_in_a_query_is_not_a_second_mention()
    {
        AddressScanner.Scan("https://accounts.example.com/auth?redirect_uri=https://shop.example.com/cb").Select(m => m.Host)
            .Should().Equal("accounts.example.com");
    }
}
