using System.Text;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Catalog;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// <c>inject</c>'s output as a whole, from <see cref="ManifestInjector"/>'s objects: each document
/// in its place with its comments, the items of a List injected one by one and put back in their
/// List. A document that changes is written anew, so only the comments before and after it
/// survive; one that does not change is passed through as written.
/// </summary>
public static class InjectedManifests
{
    public static InjectionReport Inject(IReadOnlyList<ManifestDocument> documents, IProjectCatalog catalog, string defaultNamespace)
    {
        var output = new StringBuilder();
        var warnings = new List<string>();
        var errors = new List<string>();
        // Each document on its own, and the items of one List together, in their List.
        foreach (var group in documents.GroupBy<ManifestDocument, ManifestDocument>(document => document.List ?? document, ReferenceEqualityComparer.Instance))
        {
            var items = group.ToArray();
            var injected = items.Select(item => ManifestInjector.Inject(item, catalog, defaultNamespace, warnings, errors)).ToArray();
            if (injected.All(body => body is null))
            {
                output.Append("---\n").Append(Verbatim(group.Key.Text));
                continue;
            }
            var body = items[0].List is null ? injected[0]! : WithItems(group.Key, items, injected);
            output.Append(DocumentComments.Around(group.Key.Text, "---\n" + JsonToYaml.Write(body)));
        }
        return new InjectionReport(errors.Count == 0 ? output.ToString() : "", warnings, errors);
    }

    /// <summary>The List with its items as injected, or as read where nothing changed.</summary>
    private static JsonObject WithItems(ManifestDocument list, ManifestDocument[] items, JsonObject?[] injected)
    {
        var body = JsonObject.Create(list.Body)!;
        body["items"] = new JsonArray([.. injected.Select((item, index) => item ?? JsonObject.Create(items[index].Body))]);
        return body;
    }

    /// <summary>The document as written, without its own <c>---</c> marker.</summary>
    private static string Verbatim(string text)
    {
        var body = text.StartsWith("---", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
        body = body.TrimEnd();
        if (body.EndsWith("\n...", StringComparison.Ordinal))
        {
            body = body[..^4].TrimEnd();
        }
        return body + "\n";
    }
}
