using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class AddressScannerSeveralTests
{
    [Fact]
    public void Comma_separated_urls_are_each_found()
    {
        AddressScanner.Scan("https://api.shop.example.com/v1,https://shop.example.com").Select(m => m.Text)
            .Should().Equal("https://api.shop.example.com/v1", "https://shop.example.com");
    }

    [Fact]
    public void Comma_separated_hosts_are_each_found()
    {
        AddressScanner.Scan("api.shop.example.com:443, shop.example.com").Select(m => m.Text)
            .Should().Equal("api.shop.example.com:443", "shop.example.com");
    }

    [Fact]
    public void Shell_command_line_yields_its_urls_then_its_bare_hosts()
    {
        var mentions = AddressScanner.Scan(
            "curl -fsS https://api.shop.example.com/health && nc -z db.shop.example.com 5432 && wget -O /tmp/a.txt http://shop.example.com/a.txt");

        mentions.Select(m => (m.Text, m.IsUrl)).Should().Equal(
            ("https://api.shop.example.com/health", true),
            ("http://shop.example.com/a.txt", true),
            ("db.shop.example.com", false));
    }
}
