namespace StackBlaze.Webhook.Catalog;

/// <summary>The Services links resolve against: from manifests today, from the cluster later.</summary>
public interface IServiceCatalog
{
    /// <summary>The Service, or null when the namespace has none of that name.</summary>
    ServiceEntry? FindService(string namespaceName, string name);

    /// <summary>The names of the namespace's Services, sorted, for messages.</summary>
    IReadOnlyList<string> ServiceNames(string namespaceName);
}
