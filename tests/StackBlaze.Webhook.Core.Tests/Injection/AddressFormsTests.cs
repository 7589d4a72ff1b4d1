using StackBlaze.Webhook.Core.Injection;

namespace StackBlaze.Webhook.Tests.Injection;

public class AddressFormsTests
{
    [Theory]
    [InlineData("PRODUCT_CATALOG_SERVICE_ADDR", AddressForm.HostPort)]
    [InlineData("REDIS_ADDRESS", AddressForm.HostPort)]
    [InlineData("CACHE_HOSTPORT", AddressForm.HostPort)]
    [InlineData("DB_HOST", AddressForm.Host)]
    [InlineData("DB_HOSTNAME", AddressForm.Host)]
    [InlineData("DB_PORT", AddressForm.Port)]
    [InlineData("API_URL", AddressForm.Url)]
    [InlineData("DATABASE", AddressForm.Url)]
    [InlineData("ADDR", AddressForm.Url)]
    [InlineData("API_HOST_URL", AddressForm.Url)]
    [InlineData("SUPPORT", AddressForm.Url)]
    public void The_end_of_the_name_chooses_the_form(string name, AddressForm expected)
    {
        AddressForms.Of(name).Should().Be(expected);
    }
}
