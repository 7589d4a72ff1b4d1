using System.Collections.Frozen;
using k8s.Models;

namespace StackBlaze.Webhook.Catalog;

/// <summary>A ConfigMap's data, where containers may take their configuration from.</summary>
public sealed record ConfigMapEntry(string Namespace, string Name, FrozenDictionary<string, string> Data)
{
    public static ConfigMapEntry FromConfigMap(V1ConfigMap configMap, string defaultNamespace) => new(
        string.IsNullOrEmpty(configMap.Metadata?.NamespaceProperty) ? defaultNamespace : configMap.Metadata.NamespaceProperty,
        configMap.Metadata?.Name ?? "",
        (configMap.Data ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal));
}
