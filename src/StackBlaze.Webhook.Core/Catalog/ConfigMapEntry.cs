using System.Collections.Frozen;
using k8s.Models;

namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// What the public-URL policy reads of a ConfigMap: the addresses of each value that mentions any
/// (<see cref="ConfigMapValue"/>), within <see cref="ConfigMapLimits"/>. Values without an address
/// are not kept: the policy has nothing to find in them. A ConfigMap without any is kept by name,
/// so that a pod reading it is not told its values went unchecked.
/// </summary>
/// <param name="Namespace">The ConfigMap's namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Values">Its values that mention addresses, by key.</param>
/// <param name="IsPartial">Whether values were left out because the namespace's ConfigMaps had used up its budget.</param>
public sealed record ConfigMapEntry(string Namespace, string Name, FrozenDictionary<string, ConfigMapValue> Values, bool IsPartial = false)
{
    /// <summary>What it costs the namespace's budget: its name, keys and addresses.</summary>
    public long Bytes => NameBytes + Values.Sum(v => ConfigMapValue.BytesOf(v.Key, v.Value));

    private long NameBytes => (long)Name.Length * sizeof(char);

    public static ConfigMapEntry FromConfigMap(V1ConfigMap configMap, string defaultNamespace) => FromData(
        string.IsNullOrEmpty(configMap.Metadata?.NamespaceProperty) ? defaultNamespace : configMap.Metadata.NamespaceProperty,
        configMap.Metadata?.Name ?? "",
        configMap.Data ?? new Dictionary<string, string>());

    /// <summary>Keeps of each value only its addresses, within the limits of a value.</summary>
    public static ConfigMapEntry FromData(string namespaceName, string name, IEnumerable<KeyValuePair<string, string>> data) => new(
        namespaceName,
        name,
        data.Select(d => (d.Key, Value: ConfigMapValue.Of(d.Value)))
            .Where(d => d.Value is not null)
            .ToFrozenDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal));

    /// <summary>
    /// The entry within <paramref name="budget"/> bytes: its name, then its values, in key order,
    /// that fit in what is left; marked partial when some did not, or null when not even the name fits.
    /// </summary>
    public ConfigMapEntry? Within(long budget)
    {
        if (Bytes <= budget)
        {
            return this;
        }
        if (NameBytes > budget)
        {
            return null;
        }
        budget -= NameBytes;
        var kept = new List<KeyValuePair<string, ConfigMapValue>>();
        foreach (var value in Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var bytes = ConfigMapValue.BytesOf(value.Key, value.Value);
            if (bytes <= budget)
            {
                kept.Add(value);
                budget -= bytes;
            }
        }
        return this with { Values = kept.ToFrozenDictionary(StringComparer.Ordinal), IsPartial = true };
    }
}
