using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Policy;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>What the catalog keeps of a value holds every spelling the scanner reads, as it reads it.</summary>
public class ConfigMapValueSpellingTests
{
    [Fact]
    public void Kept_dns_targets_and_hosts_with_paths_scan_to_the_same_addresses_as_the_whole_value()
    {
        const string Value = "sh -c \"grpcurl dns:///api.shop.example.com:443 && curl shop.example.com/health\" --resolver=dns://8.8.8.8/api.shop.example.com --target=dns:api.shop.example.com";

        var kept = ConfigMapValue.Of(Value)!;

        kept.Count.Should().Be(4);
        AddressScanner.Scan(kept.Addresses).Should().Equal(AddressScanner.Scan(Value));
    }
}
