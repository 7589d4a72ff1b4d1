using System.Text.Json;
using StackBlaze.Webhook.Core.Limits;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// Reads Kubernetes manifests from YAML (or JSON) files, folders and standard input as kubectl
/// reads them, the items of a List each an object of its own, within a <see cref="ReadBudget"/>.
/// </summary>
public static class ManifestReader
{
    public const string StandardInput = "-";

    /// <summary>
    /// Every object of every path: files, folders (recursively, in name order), or "-"; within
    /// <paramref name="budget"/>, or all of the limits when none is given.
    /// </summary>
    public static IReadOnlyList<ManifestDocument> ReadAll(IEnumerable<string> paths, TextReader standardInput, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget();
        var documents = new List<ManifestDocument>();
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                documents.AddRange(Parse(budget.ReadText(standardInput, StandardInput), StandardInput, budget));
                continue;
            }
            var files = Directory.Exists(path) ? ManifestFolder.Files(path)
                : File.Exists(path) ? [path]
                : throw new ManifestException($"{path}: no such file or folder");
            documents.AddRange(files.SelectMany(file => Parse(budget.ReadFile(file), file, budget)));
        }
        return documents;
    }

    /// <summary>The objects of one YAML stream; empty documents are skipped, Lists give their items.</summary>
    public static IReadOnlyList<ManifestDocument> Parse(string content, string source, ReadBudget? budget = null)
    {
        budget ??= new ReadBudget();
        var documents = new List<ManifestDocument>();
        var parser = new Parser(new StringReader(content));
        try
        {
            parser.Consume<StreamStart>();
            // A document's text runs to the next one, from the stream's start for the first: its comments go with it.
            var begin = 0;
            while (parser.Accept<DocumentStart>(out var start))
            {
                var line = (int)start.Start.Line;
                var value = YamlToJson.ReadDocument(parser, source, budget);
                var end = parser.Accept<DocumentStart>(out var next) ? (int)next.Start.Index : content.Length;
                var text = content[begin..end];
                begin = end;
                if (value is not { } body)
                {
                    continue;
                }
                var document = new ManifestDocument(source, line, KubernetesObject(body, $"{source}:{line}"), text);
                var objects = IsList(document.Body) ? Items(document) : [document];
                if (!budget.TakeObjects(objects.Count))
                {
                    throw new ManifestException($"{source}:{line}: not read: more than {ManifestLimits.MaxObjects} objects");
                }
                documents.AddRange(objects);
            }
        }
        catch (YamlException e)
        {
            throw new ManifestException($"{source}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Innermost(e).Message}", e);
        }
        return documents;
    }

    // kubectl reads any object with items as a list of objects (kind List, ConfigMapList...).
    private static bool IsList(JsonElement body) => body.TryGetProperty("items", out var items) && items.ValueKind != JsonValueKind.Null;

    private static List<ManifestDocument> Items(ManifestDocument list)
    {
        var where = $"{list.Source}:{list.Line}";
        var items = list.Body.GetProperty("items");
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestException($"{where}: the items of a {list.Kind} must be a sequence");
        }
        return items.EnumerateArray().Select((item, index) =>
        {
            var body = KubernetesObject(item, $"{where}: item {index}");
            return IsList(body)
                ? throw new ManifestException($"{where}: item {index}: a list inside a list is not read (kubectl refuses it too)")
                : new ManifestDocument(list.Source, list.Line, body, list.Text, list) { ItemPointer = $"/items/{index}" };
        }).ToList();
    }

    private static JsonElement KubernetesObject(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.Object && IsSet(value, "kind") && IsSet(value, "apiVersion")
            ? value
            : throw new ManifestException($"{where}: not a Kubernetes object (apiVersion and kind are needed)");

    private static bool IsSet(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
