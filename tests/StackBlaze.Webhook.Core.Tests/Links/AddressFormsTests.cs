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
    [InlineData("DB_USER", nameof(AddressForm.Username))]
    [InlineData("DB_USERNAME", nameof(AddressForm.Username))]
    [InlineData("DB_PASSWORD", nameof(AddressForm.Password))]
    [InlineData("DB_DATABASE", nameof(AddressForm.Database))]
    [InlineData("DB_DBNAME", nameof(AddressForm.Database))]
    [InlineData("DB_NAME", nameof(AddressForm.Database))]
    [InlineData("SERVICE_NAME", nameof(AddressForm.Url))]
    [InlineData("POSTGRES_DB_NAME", nameof(AddressForm.Database))]
    [InlineData("PGHOST", nameof(AddressForm.Host))]
    [InlineData("PGPORT", nameof(AddressForm.Port))]
    [InlineData("PGDATABASE", nameof(AddressForm.Database))]
    [InlineData("PGUSER", nameof(AddressForm.Username))]
    [InlineData("PGPASSWORD", nameof(AddressForm.Password))]
    [InlineData("PGHOSTADDR", nameof(AddressForm.Url))]
    [InlineData("PG*", nameof(AddressForm.LibpqSet))]
    // The form by its name: AddressForm is internal to the domain, and a test method's parameters are public.
    public void The_end_of_the_name_chooses_the_form(string name, string expected)
    {
        AddressForms.Of(name).Should().Be(Enum.Parse<AddressForm>(expected));
    }
}
