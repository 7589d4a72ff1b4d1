using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>Spellings a client connects to the same host through, found as that host.</summary>
public class AddressScannerClientSpellingTests
{
    [Theory]
    [InlineData("dns:///api.shop.example.com:443", true)]
    [InlineData("dns:///api.shop.example.com", false)]
    [InlineData("dns:api.shop.example.com:443", true)]
    [InlineData("DNS:api.shop.example.com", false)]
    [InlineData("dns://8.8.8.8/api.shop.example.com:443", true)]
    [InlineData("dns://8.8.8.8:53/API.shop.example.com.:443", true)]
    public void Grpc_dns_target_is_found_as_its_endpoint_host(string value, bool hasPort)
    {
        var mention = AddressScanner.Scan(value).Should().ContainSingle().Subject;

        mention.Should().Be(new AddressMention(value, "api.shop.example.com", hasPort, "", true, IsDnsTarget: true));
    }

    [Theory]
    [InlineData("--target=dns:///api.shop.example.com:443", "dns:///api.shop.example.com:443")]
    [InlineData("GRPC_TARGET=dns:api.shop.example.com:443 ./server", "dns:api.shop.example.com:443")]
    public void Grpc_dns_target_is_found_inside_a_longer_value(string value, string text)
    {
        AddressScanner.Scan(value).Select(m => (m.Text, m.Host)).Should().Equal((text, "api.shop.example.com"));
    }

    [Theory]
    [InlineData("api.shop.example.com/v1/orders", false, "/v1/orders")]
    [InlineData("API.shop.example.com:443/v1", true, "/v1")]
    [InlineData("api.shop.example.com/", false, "/")]
    public void Host_with_a_path_and_no_scheme_is_found_with_its_path(string value, bool hasPort, string path)
    {
        var mention = AddressScanner.Scan(value).Should().ContainSingle().Subject;

        mention.Should().Be(new AddressMention(value, "api.shop.example.com", hasPort, path, false));
    }

    [Theory]
    [InlineData("""sh -c "curl -fsS https://api.shop.example.com/health && exec app" """, "https://api.shop.example.com/health")]
    [InlineData("curl -fsS api.shop.example.com/health && exec app", "api.shop.example.com/health")]
    [InlineData("""{"upstream":{"url":"https://api.shop.example.com/v1","retries":3}}""", "https://api.shop.example.com/v1")]
    [InlineData("--endpoint=https://api.shop.example.com/v1", "https://api.shop.example.com/v1")]
    [InlineData("--endpoint=api.shop.example.com:443", "api.shop.example.com:443")]
    [InlineData("upstream: api.shop.example.com/v1\nretries: 3", "api.shop.example.com/v1")]
    public void Address_inside_a_command_json_or_flag_is_found(string value, string text)
    {
        AddressScanner.Scan(value).Select(m => (m.Text, m.Host)).Should().Equal((text, "api.shop.example.com"));
    }
}
