using System.Globalization;
using System.Text;
using k8s.Models;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Catalog;

/// <summary>A namespace's ConfigMaps stay within its budget however many keys and ConfigMaps a tenant makes, in both catalogs alike.</summary>
public class NamespaceConfigMapsTests
{
    [Fact]
    public void Config_map_of_many_full_keys_is_kept_within_the_namespace_budget_and_marked_partial()
    {
        var held = new NamespaceConfigMaps();

        held.Put(ManyKeys("big", keys: 1_000));

        held.Bytes.Should().BeLessThanOrEqualTo(ConfigMapLimits.BytesPerNamespace).And.BeGreaterThan(ConfigMapLimits.BytesPerNamespace - ConfigMapLimits.BytesPerValue - 64);
        held.Find("big")!.IsPartial.Should().BeTrue();
        held.Find("big")!.Values.Keys.Order(StringComparer.Ordinal).First().Should().Be("k0000", "keys are kept in order while they fit");
    }

    [Fact]
    public void Config_map_that_comes_once_the_budget_is_spent_is_held_empty_and_partial()
    {
        var held = new NamespaceConfigMaps();
        held.Put(ManyKeys("big", keys: 1_000));

        held.Put(ManyKeys("late", keys: 1));

        held.Find("late")!.IsPartial.Should().BeTrue();
        held.Find("late")!.Values.Should().BeEmpty();
        held.Bytes.Should().BeLessThanOrEqualTo(ConfigMapLimits.BytesPerNamespace);
    }

    [Fact]
    public void Replacing_or_removing_a_config_map_gives_its_bytes_back()
    {
        var held = new NamespaceConfigMaps();
        held.Put(ManyKeys("big", keys: 1_000));
        held.Put(ManyKeys("late", keys: 1));

        held.Put(ManyKeys("big", keys: 1));
        held.Put(ManyKeys("late", keys: 1));

        held.Find("late")!.IsPartial.Should().BeFalse();
        held.Bytes.Should().Be(held.Find("big")!.Bytes + held.Find("late")!.Bytes);

        held.Remove("big");
        held.Remove("late");
        held.Bytes.Should().Be(0);
    }

    [Fact]
    public void Config_map_without_addresses_is_held_by_name_only_and_replaces_one_that_had_some()
    {
        var held = new NamespaceConfigMaps();
        held.Put(ManyKeys("settings", keys: 1));

        held.Put(ConfigMapEntry.FromData("shop", "settings", new Dictionary<string, string> { ["PORT"] = "8080", ["VERSION"] = "1.2.3" }));

        held.Find("settings")!.Values.Should().BeEmpty();
        held.Count.Should().Be(1);
        held.Bytes.Should().Be("settings".Length * sizeof(char));
    }

    [Fact]
    public void Config_map_whose_name_does_not_fit_in_what_is_left_is_not_held()
    {
        var held = new NamespaceConfigMaps();
        var filler = ConfigMapEntry.FromData("shop", "f", [KeyValuePair.Create("k", "https://a.example.com")]);
        var left = 3 * sizeof(char);
        held.Put(filler with { Name = new string('f', (int)(ConfigMapLimits.BytesPerNamespace - filler.Bytes - left) / sizeof(char) + 1) });

        held.Put(ConfigMapEntry.FromData("shop", "four", []));
        held.Put(ConfigMapEntry.FromData("shop", "two", []));

        held.Find("four").Should().BeNull();
        held.Find("two").Should().NotBeNull();
        held.Bytes.Should().Be(ConfigMapLimits.BytesPerNamespace);
    }

    [Fact]
    public void Hundred_thousand_keys_of_one_address_each_stay_within_the_budget()
    {
        var held = new NamespaceConfigMaps();

        held.Put(ConfigMapEntry.FromData("shop", "keys", Enumerable.Range(0, 100_000)
            .Select(i => KeyValuePair.Create($"KEY_{i:D6}", $"h{i}.example.com"))));

        held.Bytes.Should().BeLessThanOrEqualTo(ConfigMapLimits.BytesPerNamespace);
        held.Find("keys")!.IsPartial.Should().BeTrue();
    }

    [Fact]
    public void Live_and_file_catalogs_keep_the_same_of_the_same_config_maps()
    {
        V1ConfigMap[] configMaps = [ConfigMap("big", keys: 1_000), ConfigMap("late", keys: 3), ConfigMap("small", keys: 1)];
        var live = new LiveProjectCatalog();
        live.Upsert(new NamespaceEntry("shop", IsProject: true, null));
        foreach (var configMap in configMaps)
        {
            live.Upsert(ConfigMapEntry.FromConfigMap(configMap, "shop"));
        }
        var files = new StaticProjectCatalog([], configMaps: configMaps.Select(c => ConfigMapEntry.FromConfigMap(c, "shop")));

        foreach (var name in new[] { "big", "late", "small" })
        {
            var fromFiles = files.FindConfigMap("shop", name)!;
            var fromCluster = live.FindConfigMap("shop", name)!;
            fromCluster.IsPartial.Should().Be(fromFiles.IsPartial);
            fromCluster.Values.Should().BeEquivalentTo(fromFiles.Values);
        }
        live.FindConfigMap("shop", "late")!.IsPartial.Should().BeTrue();
    }

    private static ConfigMapEntry ManyKeys(string name, int keys) => ConfigMapEntry.FromConfigMap(ConfigMap(name, keys), "shop");

    /// <summary>A ConfigMap of <paramref name="keys"/> keys, each 64 distinct URLs of 63 characters: every key at the limits of a value.</summary>
    private static V1ConfigMap ConfigMap(string name, int keys) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop" },
        Data = Enumerable.Range(0, keys).ToDictionary(k => $"k{k:D4}", k =>
        {
            var value = new StringBuilder();
            for (var i = 0; i < ConfigMapLimits.AddressesPerValue; i++)
            {
                value.Append(CultureInfo.InvariantCulture, $"https://{name}-{k:D4}-{i:D3}.example.com/").Append('p', 30).Append(' ');
            }
            return value.ToString();
        }),
    };
}
