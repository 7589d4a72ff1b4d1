namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>A namespace as namespaceSelectors see it: its labels, with the one the API server always sets.</summary>
internal sealed class ClusterNamespace
{
    /// <summary>The label the API server puts on every namespace (immutable, its name as value).</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    public ClusterNamespace(string name, IReadOnlyDictionary<string, string>? labels = null)
    {
        Name = name;
        Labels = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [NameLabel] = name };
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }
}
