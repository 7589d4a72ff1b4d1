using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Policy;

public class SecretRedactionTests
{
    [Theory]
    [InlineData("https://user:hunter2@api.shop.example.com/v1", "https://***@api.shop.example.com/v1")]
    [InlineData("https://ghp_token123@api.shop.example.com/", "https://***@api.shop.example.com/")]
    [InlineData("https://api.shop.example.com/v1?apikey=abc&status=open", "https://api.shop.example.com/v1?apikey=***&status=open")]
    [InlineData("https://api.shop.example.com/x?X-Amz-Signature=f00&X-Amz-Credential=k1&access_token=t&Auth=b", "https://api.shop.example.com/x?X-Amz-Signature=***&X-Amz-Credential=***&access_token=***&Auth=***")]
    [InlineData("https://api.shop.example.com/cb#id_token=eyJ&state=1", "https://api.shop.example.com/cb#id_token=***&state=1")]
    [InlineData("https://api.shop.example.com/v1/orders?status=open", "https://api.shop.example.com/v1/orders?status=open")]
    public void Passwords_and_secret_parameters_are_masked_and_the_rest_kept(string url, string shown)
    {
        Redact(url, fromConfigMap: false).Should().Be(shown);
    }

    [Fact]
    public void A_config_map_value_is_quoted_as_scheme_host_port_and_path_only()
    {
        Redact("https://user:pw@api.shop.example.com:8443/v1/orders?status=open#top", fromConfigMap: true)
            .Should().Be("https://***@api.shop.example.com:8443/v1/orders");
    }

    [Fact]
    public void A_bare_host_has_nothing_to_mask()
    {
        var host = AddressScanner.Scan("api.shop.example.com:443").Single();

        SecretRedaction.Redact(host, fromConfigMap: true).Should().BeSameAs(host);
    }

    private static string Redact(string url, bool fromConfigMap) =>
        SecretRedaction.Redact(AddressScanner.Scan(url).Single(), fromConfigMap).Text;
}
