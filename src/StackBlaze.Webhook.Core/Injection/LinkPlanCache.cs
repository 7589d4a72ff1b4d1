using System.Collections.Concurrent;
using StackBlaze.Webhook.Catalog;

namespace StackBlaze.Webhook.Injection;

/// <summary>
/// Link plans by namespace and annotation, as long as the catalog's Services have not changed:
/// the pods of one ReplicaSet carry the same annotation, and planning it again for each is waste.
/// </summary>
public sealed class LinkPlanCache(IProjectCatalog catalog, int capacity = 4096)
{
    private readonly ConcurrentDictionary<(string Namespace, string Annotation), (long Version, LinkPlan Plan)> _plans = new();

    public LinkPlan Plan(string annotation, string namespaceName)
    {
        // Read first: a change that lands while planning leaves the plan tagged as older, so it is made again.
        var version = catalog.ServicesVersion;
        var key = (namespaceName, annotation);
        if (_plans.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return cached.Plan;
        }
        var plan = LinkPlanner.Plan(annotation, namespaceName, catalog);
        // Bounded without bookkeeping: annotations are few, and a full cache only means planning again.
        if (_plans.Count >= capacity)
        {
            _plans.Clear();
        }
        _plans[key] = (version, plan);
        return plan;
    }
}
