using StackBlaze.Webhook.Core.Bindings;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>From a links annotation to the variables it injects: parse, resolve, name, check for clashes.</summary>
internal static class LinkPlanner
{
    public static LinkPlan Plan(string? annotation, string namespaceName, IProjectCatalog catalog) =>
        Plan(LinkGrammar.Parse(annotation), namespaceName, catalog);

    /// <summary>The plan of a pod that asks for Service Bindings: its links' variables, the bindings, and their root when there are any.</summary>
    public static LinkPlan PlanWithBindings(string? annotation, string namespaceName, IProjectCatalog catalog) =>
        Plan(LinkGrammar.Parse(annotation), namespaceName, catalog, withBindings: true);

    public static LinkPlan Plan(LinkParseResult parsed, string namespaceName, IProjectCatalog catalog, bool withBindings = false)
    {
        var resolved = LinkResolver.Resolve(parsed.Entries, namespaceName, catalog);
        var errors = new List<string>(parsed.Errors);
        errors.AddRange(resolved.Errors);

        var variables = new List<InjectedVariable>();
        var owners = new Dictionary<string, (ResolvedLink Link, InjectedVariable Variable)>(StringComparer.Ordinal);
        foreach (var link in resolved.Links)
        {
            // Another link's variable of the same value, to the same Service, is the same variable (DATABASE_URL's DATABASE_USER, and DATABASE_USER=postgres);
            // from another Service the value is only alike (one Secret's uri, one port number), and the name still clashes.
            InjectedVariable[] linkVariables = [.. LinkVariables.For(link, catalog.Hosts).Where(v => !IsGivenAlready(owners, v, link))];
            // One message per pair of links, naming every variable they both set.
            var clashes = linkVariables.Where(v => owners.ContainsKey(v.Name)).GroupBy(v => owners[v.Name].Link).ToArray();
            if (clashes.Length > 0)
            {
                errors.AddRange(clashes.Select(clash => Clash([.. clash.Select(v => v.Name)], clash.Key, link)));
                continue;
            }
            foreach (var variable in linkVariables)
            {
                owners.Add(variable.Name, (link, variable));
                variables.Add(variable);
            }
        }
        // A plan with errors is denied: its pods get no labels either.
        var labels = errors.Count > 0 ? LinkLabels.None : new LinkLabels([.. resolved.Links.Select(l => l.Service.Name).Distinct(StringComparer.Ordinal)]);
        if (!withBindings || errors.Count > 0)
        {
            return new LinkPlan(variables, labels, errors);
        }
        var bindings = ServiceBindings.From(resolved.Links, catalog.Hosts);
        // The root is a variable like the links': recorded, refreshed, and taken back with the bindings.
        return new LinkPlan(bindings.Bindings.Count > 0 && bindings.IsValid ? [.. variables, BindingRoot.Variable] : variables, labels, errors, bindings);
    }

    private static bool IsGivenAlready(Dictionary<string, (ResolvedLink Link, InjectedVariable Variable)> owners, InjectedVariable variable, ResolvedLink link) =>
        owners.TryGetValue(variable.Name, out var owner) && owner.Link.Entry.Text != link.Entry.Text
        && owner.Link.Service.Name == link.Service.Name && owner.Variable.HasSameValueAs(variable);

    private static string Clash(IReadOnlyList<string> names, ResolvedLink first, ResolvedLink second)
    {
        if (first.Entry.Text == second.Entry.Text)
        {
            return $"link \"{second.Entry.Quoted}\" is listed twice";
        }
        // Suggest a name for a link that did not choose its own, never the name they clash on.
        ResolvedLink[] unnamed = [.. new[] { second, first }.Where(l => l.Entry.EnvName is null)];
        var suggested = unnamed.FirstOrDefault(l => !names.Contains(EnvNames.ForService(l.Service.Name)));
        var fix = suggested is not null
            ? $"name one explicitly, e.g. \"{EnvNames.ForService(suggested.Service.Name)}={suggested.Entry.Quoted}\""
            : unnamed.Length > 0
                ? $"name one explicitly, as \"NAME={unnamed[0].Entry.Quoted}\""
                : first.Form == AddressForm.LibpqSet && second.Form == AddressForm.LibpqSet
                    // The set's names are libpq's own: only the other Service can take names of its own.
                    ? $"a pod has one set of libpq's variables; link \"{second.Service.Name}\" by names of its own, as \"NAME={second.Service.Name}\""
                    : "give them different names";
        return $"links \"{first.Entry.Quoted}\" and \"{second.Entry.Quoted}\" would both set {BoundedText.Join(", ", names, ReviewLimits.MaxNamesListed)}; {fix}";
    }
}
