using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Injection;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// Checks links at apply time. A Service that does not exist yet is only a warning: it may be in
/// the same <c>kubectl apply</c>. Everything else that would deny the pods denies now.
/// </summary>
internal static class LinkValidator
{
    public static LinkCheck Check(string? annotation, string namespaceName, IProjectCatalog catalog)
    {
        var parsed = LinkGrammar.Parse(annotation);
        var known = parsed.Entries.ToLookup(e => catalog.FindService(namespaceName, e.Service) is not null);
        var plan = LinkPlanner.Plan(parsed with { Entries = [.. known[true]] }, namespaceName, catalog);
        var warnings = LinkResolver.Resolve(known[false], namespaceName, catalog).Errors
            .Select(error => $"{error}; its pods will be refused until it exists");
        return new LinkCheck(plan.Errors, [.. warnings]);
    }
}
