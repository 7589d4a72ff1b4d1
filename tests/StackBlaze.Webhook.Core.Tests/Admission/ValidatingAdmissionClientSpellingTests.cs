using StackBlaze.Webhook.Core.Admission;
using StackBlaze.Webhook.Tests.Support;
using static StackBlaze.Webhook.Tests.Support.PublicShop;

namespace StackBlaze.Webhook.Tests.Admission;

/// <summary>Public URLs spelled as clients normalise them are refused like the plain spelling (issue 14 attack review).</summary>
public class ValidatingAdmissionClientSpellingTests
{
    private static AdmissionVerdict Validate(string name, string value) =>
        new ValidatingAdmission(Project()).Review(Reviews.Pod(Pods.Element(Pod(name, value))));

    [Theory]
    [InlineData("https://api\u3002shop.example.com/v1")]
    [InlineData("https://api\uFF0Eshop\uFF0Eexample\uFF0Ecom/v1")]
    [InlineData("https://\uFF41\uFF50\uFF49.shop.example.com/v1")]
    [InlineData("https://api.sh\u00ADop.example.com/v1")]
    public void Public_host_spelled_with_characters_idna_maps_to_it_is_refused(string value)
    {
        // WHATWG URL (Node fetch), Python requests, Go net/http and curl with libidn2 all map these to api.shop.example.com (UTS 46).
        Validate("ORDERS_API", value).Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData("https:/api.shop.example.com/v1")]
    [InlineData("https:api.shop.example.com/v1")]
    [InlineData("HTTPS:/API.SHOP.EXAMPLE.COM/v1")]
    [InlineData("https:///api.shop.example.com/v1")]
    public void Special_scheme_url_without_exactly_two_slashes_is_refused(string value)
    {
        // WHATWG URL (Node fetch) reads the host of https:/, https: and https:/// as api.shop.example.com.
        Validate("ORDERS_API", value).Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData("passthrough:///api.shop.example.com:443")]
    [InlineData("--target=passthrough:///api.shop.example.com:443")]
    public void Grpc_passthrough_target_is_refused_with_a_dns_target_instead(string value)
    {
        // grpc-go's default resolver dials api.shop.example.com:443 as written.
        Validate("ORDERS_GRPC", value).Message.Should().EndWith("use dns:///backend.internal:3000");
    }
}
