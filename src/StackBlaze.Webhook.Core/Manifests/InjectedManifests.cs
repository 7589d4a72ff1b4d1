using System.Text;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// <c>inject</c>'s output as a whole, from <see cref="ManifestInjector"/>'s per object: each
/// document in its place with its comments, the items of a List injected one by one and put back
/// in their List. A document that changes is written anew, so only the comments before and after
/// it survive; one that does not change is passed through as written.
/// </summary>
public static class InjectedManifests
{
    public static InjectionReport Inject(IReadOnlyList<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var output = new StringBuilder();
        var warnings = new List<string>();
        var errors = new List<string>();
        foreach (var group in Groups(documents))
        {
            var report = ManifestInjector.Inject(group, catalog, defaultNamespace);
            warnings.AddRange(report.Warnings);
            errors.AddRange(report.Errors);
            if (report.Errors.Count == 0)
            {
                output.Append(group[0].List is { } list ? Reassembled(list, group, report.Yaml, catalog, defaultNamespace) : WithComments(group[0], report.Yaml));
            }
        }
        return new InjectionReport(errors.Count == 0 ? output.ToString() : "", warnings, errors);
    }

    /// <summary>Each document on its own, and the items of one List together.</summary>
    private static IEnumerable<IReadOnlyList<ManifestDocument>> Groups(IReadOnlyList<ManifestDocument> documents)
    {
        var group = new List<ManifestDocument>();
        foreach (var document in documents)
        {
            if (group.Count > 0 && (document.List is null || !ReferenceEquals(document.List, group[0].List)))
            {
                yield return group;
                group = [];
            }
            group.Add(document);
        }
        if (group.Count > 0)
        {
            yield return group;
        }
    }

    /// <summary>The List as written when no item changed, else written anew with the injected items.</summary>
    private static string Reassembled(
        ManifestDocument list, IReadOnlyList<ManifestDocument> items, string injected, IProjectCatalog catalog, string defaultNamespace)
    {
        var bodies = ManifestReader.Parse(injected, list.Source).Select(d => (JsonNode)d.Body.DeepClone()).ToArray();
        if (bodies.Zip(items).All(pair => JsonNode.DeepEquals(pair.First, pair.Second.Body)))
        {
            // A List's own kind is no pod's: the injector passes it through as written.
            return ManifestInjector.Inject([list], catalog, defaultNamespace).Yaml;
        }
        var body = list.Body.DeepClone().AsObject();
        body["items"] = new JsonArray(bodies);
        return DocumentComments.Around(list.Text, "---\n" + JsonToYaml.Write(body));
    }

    /// <summary>The injector's output for one document, with the document's comments put back if it was written anew.</summary>
    private static string WithComments(ManifestDocument document, string injected)
    {
        var written = DocumentComments.Around(document.Text, injected);
        return written.Length == injected.Length || JsonNode.DeepEquals(ManifestReader.Parse(injected, document.Source).Single().Body, document.Body)
            ? injected
            : written;
    }
}
