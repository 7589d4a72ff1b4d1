using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// The plans the webhook keeps across requests: those of pods that ask for Service Bindings apart,
/// so that the files and volume they hold cost nothing to the many pods that do not.
/// </summary>
internal sealed class LinkPlans(IProjectCatalog catalog)
{
    // Few pods ask for bindings, and their plans hold a directory a Service: a quarter of the budget keeps hundreds of them.
    private const long WithBindingsMaxBytes = AnnotationCache.DefaultMaxBytes / 4;

    private readonly AnnotationCache<LinkPlan> _plans = new(catalog, LinkPlanner.Plan, plan => plan.RetainedBytes);
    private readonly AnnotationCache<LinkPlan> _withBindings = new(catalog, LinkPlanner.PlanWithBindings, plan => plan.RetainedBytes, WithBindingsMaxBytes);

    public LinkPlan Get(string links, string namespaceName, bool withBindings) =>
        (withBindings ? _withBindings : _plans).Get(links, namespaceName);
}
