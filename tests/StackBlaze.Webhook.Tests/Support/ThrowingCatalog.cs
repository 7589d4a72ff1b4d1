using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>A synced catalog whose every lookup fails: a bug of ours in the middle of a review.</summary>
internal sealed class ThrowingCatalog : IProjectCatalog
{
    public bool IsSynced => true;

    public long ServicesVersion => 0;

    public ServiceEntry? FindService(string namespaceName, string name) => throw Fault();

    public IReadOnlyList<string> ServiceNames(string namespaceName) => throw Fault();

    public PublicRoute? FindPublicRoute(string namespaceName, string host, string path) => throw Fault();

    public ConfigMapEntry? FindConfigMap(string namespaceName, string name) => throw Fault();

    public NamespaceEntry? FindNamespace(string namespaceName) => throw Fault();

    private static InvalidOperationException Fault() => new("catalog lookup failed (test fault)");
}
