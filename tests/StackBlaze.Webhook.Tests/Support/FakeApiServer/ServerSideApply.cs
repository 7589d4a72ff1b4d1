using System.Globalization;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>
/// Server-side apply as the API server does it, as far as the tests need: the fields each manager
/// applied, kept in <c>metadata.managedFields</c> (FieldsV1; lists atomic, as NetworkPolicy's are);
/// an apply that sets a field another manager owns to another value conflicts unless forced; the
/// fields a manager stops applying are removed when no one else owns them.
/// </summary>
internal static class ServerSideApply
{
    /// <summary>The object to store, or the conflicting fields as <c>(manager, .path)</c> when there is none.</summary>
    public sealed record Outcome(JsonObject? Stored, IReadOnlyList<(string Manager, string Path)> Conflicts);

    public static Outcome Apply(JsonObject? current, JsonObject applied, string manager, bool force, DateTimeOffset now)
    {
        var appliedFields = Leaves(applied).ToList();
        var entries = current?["metadata"]?["managedFields"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];
        var others = entries.Where(e => (string?)e["manager"] != manager).ToList();
        var conflicts = (
            from entry in others
            from owned in FieldsOf(entry)
            from mine in appliedFields
            where IsPrefix(owned, mine) || IsPrefix(mine, owned)
            let shorter = owned.Length < mine.Length ? owned : mine
            where !JsonNode.DeepEquals(At(current!, shorter), At(applied, shorter))
            select (Manager: (string)entry["manager"]!, Path: "." + string.Join('.', owned))).Distinct().ToList();
        if (conflicts.Count > 0 && !force)
        {
            return new Outcome(null, conflicts);
        }

        var result = current?.DeepClone().AsObject() ?? new JsonObject
        {
            ["apiVersion"] = applied["apiVersion"]?.DeepClone(),
            ["kind"] = applied["kind"]?.DeepClone(),
            ["metadata"] = new JsonObject { ["name"] = applied["metadata"]?["name"]?.DeepClone(), ["namespace"] = applied["metadata"]?["namespace"]?.DeepClone() },
        };
        var othersFields = others.SelectMany(FieldsOf).ToList();
        var previously = entries.Where(e => (string?)e["manager"] == manager).SelectMany(FieldsOf);
        foreach (var dropped in previously.Where(p => !appliedFields.Any(a => a.SequenceEqual(p)) && !othersFields.Any(o => o.SequenceEqual(p))))
        {
            (At(result, dropped[..^1]) as JsonObject)?.Remove(dropped[^1]);
        }
        foreach (var field in appliedFields)
        {
            Set(result, field, At(applied, field)!.DeepClone());
        }

        var kept = new JsonArray();
        foreach (var entry in others)
        {
            var left = FieldsOf(entry).Where(owned => !conflicts.Any(c => c.Manager == (string?)entry["manager"] && c.Path == "." + string.Join('.', owned))).ToList();
            if (left.Count > 0)
            {
                var copy = entry.DeepClone().AsObject();
                copy["fieldsV1"] = FieldsV1(left);
                kept.Add(copy);
            }
        }
        kept.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = applied["apiVersion"]?.DeepClone(),
            ["time"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldsV1(appliedFields),
        });
        result["metadata"]!["managedFields"] = kept;
        return new Outcome(result, []);
    }

    /// <summary>The entry a create or update by <paramref name="manager"/> leaves: every field of the object is its.</summary>
    public static JsonObject UpdateEntry(JsonObject obj, string manager, DateTimeOffset now) => new()
    {
        ["manager"] = manager,
        ["operation"] = "Update",
        ["apiVersion"] = obj["apiVersion"]?.DeepClone(),
        ["time"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["fieldsType"] = "FieldsV1",
        ["fieldsV1"] = FieldsV1([.. Leaves(obj)]),
    };

    /// <summary>The fields a client sets: everything but the identity and status, and of metadata its labels and annotations.</summary>
    private static IEnumerable<string[]> Leaves(JsonObject obj)
    {
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" or "status" || value is null)
            {
                continue;
            }
            var under = key == "metadata" ? value.AsObject().Where(p => p.Key is "labels" or "annotations" && p.Value is not null) : [new(key, value)];
            foreach (var (name, node) in under)
            {
                var prefix = key == "metadata" ? new[] { "metadata", name } : [name];
                foreach (var leaf in LeavesUnder(prefix, node!))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static IEnumerable<string[]> LeavesUnder(string[] path, JsonNode node)
    {
        if (node is not JsonObject { Count: > 0 } obj)
        {
            yield return path;
            yield break;
        }
        foreach (var (key, value) in obj)
        {
            if (value is not null)
            {
                foreach (var leaf in LeavesUnder([.. path, key], value))
                {
                    yield return leaf;
                }
            }
        }
    }

    private static IEnumerable<string[]> FieldsOf(JsonObject entry) =>
        entry["fieldsV1"] is JsonObject fields ? LeavesUnder([], fields).Where(p => p.Length > 0).Select(p => p.Select(k => k[2..]).ToArray()) : [];

    private static JsonObject FieldsV1(IEnumerable<string[]> fields)
    {
        var root = new JsonObject();
        foreach (var field in fields)
        {
            var node = root;
            foreach (var key in field)
            {
                node = (node["f:" + key] ??= new JsonObject()).AsObject();
            }
        }
        return root;
    }

    private static bool IsPrefix(string[] prefix, string[] path) => prefix.Length <= path.Length && prefix.AsSpan().SequenceEqual(path.AsSpan(0, prefix.Length));

    private static JsonNode? At(JsonNode root, string[] path) => path.Aggregate((JsonNode?)root, (node, key) => node is JsonObject obj ? obj[key] : null);

    private static void Set(JsonObject root, string[] path, JsonNode value)
    {
        var node = root;
        foreach (var key in path[..^1])
        {
            node = node[key] as JsonObject ?? (JsonObject)(node[key] = new JsonObject());
        }
        node[path[^1]] = value;
    }
}
