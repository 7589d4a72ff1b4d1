using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Tests.Links;

public class AddressFormsTests
{
    [Theory]
    [InlineData("PRODUCT_CATALOG_SERVICE_ADDR", nameof(AddressForm.HostPort))]
    [InlineData("REDIS_ADDRESS", nameof(AddressForm.HostPort))]
    [InlineData("CACHE_HOSTPORT", nameof(AddressForm.HostPort))]
    [InlineData("DB_HOST", nameof(AddressForm.Host))]
    [InlineData("DB_HOSTNAME", nameof(AddressForm.Host))]
    [InlineData("DB_PORT", nameof(AddressForm.Port))]
    [InlineData("API_URL", nameof(AddressForm.Url))]
    [InlineData("DATABASE", nameof(AddressForm.Url))]
    [InlineData("ADDR", nameof(AddressForm.Url))]
    [InlineData("API_HOST_URL", nameof(AddressForm.Url))]
    [InlineData("SUPPORT", nameof(AddressForm.Url))]
    // The form by its name: AddressForm is internal to the domain, and a test method's parameters are public.
    public void The_end_of_the_name_chooses_the_form(string name, string expected)
    {
        AddressForms.Of(name).Should().Be(Enum.Parse<AddressForm>(expected));
    }
}
