using System.Globalization;
using System.Text;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>What the catalog keeps of a ConfigMap value: its addresses only, and never more than the limits of a value.</summary>
public class ConfigMapValueTests
{
    private const int MiB = 1024 * 1024;
    private const int MaxLength = ConfigMapLimits.BytesPerValue / sizeof(char);

    [Theory]
    [InlineData("8080")]
    [InlineData("info")]
    [InlineData("1.5")]
    [InlineData("v1.2.3")]
    [InlineData("Done. Next step.")]
    public void Value_that_mentions_no_address_is_not_kept(string value)
    {
        ConfigMapValue.Of(value).Should().BeNull();
    }

    [Fact]
    public void Value_is_kept_as_its_addresses_one_per_line()
    {
        var kept = ConfigMapValue.Of("upstream https://api.shop.example.com/v1?q=1, then db.internal:5432; see https://docs.example.com.");

        kept.Should().Be(new ConfigMapValue("https://api.shop.example.com/v1?q=1\nhttps://docs.example.com\ndb.internal:5432", 3, IsCut: false));
    }

    [Fact]
    public void Kept_text_scans_to_the_same_addresses_as_the_whole_value()
    {
        const string Value = "API=https://api.shop.example.com/v1/orders?next=shop.example.com#top --host=cache.internal:6379 mail me@example.org or shop.example.com";

        var kept = ConfigMapValue.Of(Value)!;

        AddressScanner.Scan(kept.Addresses).Should().Equal(AddressScanner.Scan(Value));
    }

    [Fact]
    public void Address_written_many_times_is_kept_once()
    {
        var kept = ConfigMapValue.Of(string.Join(' ', Enumerable.Repeat("https://api.shop.example.com/v1", 10_000)))!;

        kept.Should().Be(new ConfigMapValue("https://api.shop.example.com/v1", 1, IsCut: false));
    }

    [Fact]
    public void Megabyte_of_a_dot_repeated_is_no_host_and_is_not_kept()
    {
        // One dotted word far longer than a DNS name can be.
        ConfigMapValue.Of(new StringBuilder(MiB).Insert(0, "a.", MiB / 2).ToString()).Should().BeNull();
    }

    [Fact]
    public void Megabyte_of_urls_keeps_the_first_sixty_four_and_says_it_held_more()
    {
        var kept = ConfigMapValue.Of(Urls(MiB))!;

        kept.Count.Should().Be(ConfigMapLimits.AddressesPerValue);
        kept.IsCut.Should().BeTrue();
        kept.Addresses.Length.Should().BeLessThanOrEqualTo(MaxLength);
        kept.Addresses.Split('\n').Should().HaveCount(ConfigMapLimits.AddressesPerValue).And.StartWith("https://h00000.example.com/v1");
    }

    [Fact]
    public void Long_urls_fill_the_byte_limit_before_the_count()
    {
        var kept = ConfigMapValue.Of(string.Join(' ', Enumerable.Range(0, 100).Select(i => $"https://h{i:D3}.example.com/{new string('p', 500)}")))!;

        kept.Addresses.Length.Should().Be(MaxLength);
        kept.Count.Should().BeLessThan(ConfigMapLimits.AddressesPerValue);
        kept.IsCut.Should().BeTrue();
    }

    [Fact]
    public void Public_url_after_a_megabyte_of_filler_is_kept()
    {
        var filler = new StringBuilder(MiB + 64).Insert(0, "Nothing to see here. ", MiB / 21).ToString();

        var kept = ConfigMapValue.Of(filler + "https://api.shop.example.com/v1/orders")!;

        kept.Should().Be(new ConfigMapValue("https://api.shop.example.com/v1/orders", 1, IsCut: false));
    }

    [Fact]
    public void Value_exactly_at_the_count_limit_is_not_cut()
    {
        var kept = ConfigMapValue.Of(Urls(ConfigMapLimits.AddressesPerValue * 30, maxCount: ConfigMapLimits.AddressesPerValue))!;

        kept.Count.Should().Be(ConfigMapLimits.AddressesPerValue);
        kept.IsCut.Should().BeFalse();
    }

    /// <summary>Distinct URLs of 29 characters and a space, up to <paramref name="length"/> characters.</summary>
    private static string Urls(int length, int maxCount = int.MaxValue)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < maxCount && text.Length + 30 <= length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"https://h{i:D5}.example.com/v1 ");
        }
        return text.ToString();
    }
}
