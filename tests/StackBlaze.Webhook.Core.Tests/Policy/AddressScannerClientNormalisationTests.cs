using StackBlaze.Webhook.Core.Policy;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Policy;

/// <summary>Spellings clients normalise to a host (UTS 46 mapping, WHATWG slashes, gRPC passthrough), found as that host.</summary>
public class AddressScannerClientNormalisationTests
{
    [Theory]
    [InlineData("https://api\u3002shop.example.com/v1")]
    [InlineData("https://api\uFF0Eshop\uFF0Eexample\uFF0Ecom/v1")]
    [InlineData("https://api\uFF61shop.example.com/v1")]
    [InlineData("https://\uFF41\uFF50\uFF49.shop.example.com/v1")]
    [InlineData("https://\uFF21\uFF30\uFF29.shop.example.com/v1")]
    [InlineData("https://api.sh\u00ADop.example.com/v1")]
    public void Url_host_spelled_with_characters_idna_maps_is_found_as_that_host(string value)
    {
        AddressScanner.Scan(value).Should().ContainSingle().Which.Should().Be(new AddressMention(value, "api.shop.example.com", false, "/v1", true));
    }

    [Theory]
    [InlineData("api\u3002shop\u3002example\u3002com", false)]
    [InlineData("\uFF41\uFF50\uFF49\uFF0Eshop\uFF0Eexample\uFF0Ecom:443", true)]
    [InlineData("api\uFF61shop.example.com\u3002", false)]
    public void Bare_host_spelled_with_wide_dots_or_fullwidth_letters_is_found_as_that_host(string value, bool hasPort)
    {
        AddressScanner.Scan(value).Should().ContainSingle().Which.Should().Be(new AddressMention(value, "api.shop.example.com", hasPort, "", false));
    }

    [Fact]
    public void Soft_hyphens_do_not_lengthen_a_bare_host_past_the_bound()
    {
        var value = "a" + new string('\u00AD', 400) + "pi.shop.example.com";

        AddressScanner.Scan(value).Select(m => m.Host).Should().Equal("api.shop.example.com");
    }

    [Theory]
    [InlineData("https://b\u00FCcher.example.com/", "xn--bcher-kva.example.com")]
    [InlineData("https://B\u00DCCHER.example.com/", "xn--bcher-kva.example.com")]
    public void Other_non_ascii_url_host_is_found_as_its_punycode(string value, string host)
    {
        AddressScanner.Scan(value).Select(m => m.Host).Should().Equal(host);
    }

    [Theory]
    [InlineData("\u3053\u308C\u306F\u30C6\u30B9\u30C8\u3067\u3059\u3002")]
    [InlineData("Gr\u00FC\u00DFe aus M\u00FCnchen")]
    [InlineData("\uFF46\uFF4F\uFF4F \uFF42\uFF41\uFF52\u3002")]
    public void Ordinary_non_ascii_text_holds_no_address(string value)
    {
        AddressScanner.Scan(value).Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"api\u3002shop\"", true)]
    [InlineData("\"api\uFF0Eshop\"", true)]
    [InlineData("\"api\uFF61shop\"", true)]
    [InlineData("\"api\\u3002shop\"", true)]
    [InlineData("\"Gr\u00FC\u00DFe \u3053\u308C\"", false)]
    [InlineData("\"3000\"", false)]
    public void Json_value_may_hold_an_address_when_it_has_a_wide_dot(string json, bool may)
    {
        AddressScanner.MayHoldAddress(Json.Parse(json)).Should().Be(may);
    }

    [Theory]
    [InlineData("https:/api.shop.example.com/v1")]
    [InlineData("https:api.shop.example.com/v1")]
    [InlineData("HTTPS:/API.SHOP.EXAMPLE.COM/v1")]
    [InlineData("https:///api.shop.example.com/v1")]
    [InlineData("https:\\\\api.shop.example.com/v1")]
    [InlineData("wss:api.shop.example.com/v1")]
    public void Special_scheme_url_without_exactly_two_slashes_is_found_as_its_host(string value)
    {
        AddressScanner.Scan(value).Should().ContainSingle().Which.Should().Be(new AddressMention(value, "api.shop.example.com", false, "/v1", true));
    }

    [Theory]
    [InlineData("passthrough:///api.shop.example.com:443")]
    [InlineData("PASSTHROUGH:api.shop.example.com:443")]
    public void Grpc_passthrough_target_is_found_as_its_endpoint_host(string value)
    {
        AddressScanner.Scan(value).Should().ContainSingle().Which.Should().Be(
            new AddressMention(value, "api.shop.example.com", true, "", true, IsDnsTarget: true));
    }

    [Fact]
    public void Url_that_names_no_host_does_not_hide_a_host_inside_it()
    {
        AddressScanner.Scan("app:///?upstream=api.shop.example.com:443").Select(m => (m.Text, m.Host))
            .Should().Equal(("api.shop.example.com:443", "api.shop.example.com"));
    }
}
