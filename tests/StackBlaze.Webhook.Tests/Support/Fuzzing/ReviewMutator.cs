using System.Text;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>
/// AdmissionReviews made hostile from real ones: each case is its own seeded random stream, so
/// case N is the same bytes on every run and in any order, whatever the parallelism.
/// </summary>
internal sealed class ReviewMutator(int seed, IReadOnlyList<string> fixtures)
{
    /// <summary>Past the 3 MiB body limit, for the 413 path; rare, as they are slow to send.</summary>
    private const int OverLimit = 3 * 1024 * 1024 + 512;

    private delegate string Mutation(Random random, JsonNode root, ref JsonObject? duplicateIn);

    private static readonly (string Name, Mutation Apply)[] TreeMutations =
    [
        ("wrong type", WrongType),
        ("missing field", MissingField),
        ("huge string", HugeString),
        ("deep nesting", DeepNesting),
        ("odd unicode", OddUnicode),
        ("duplicate key", DuplicateKey),
        ("odd links", OddLinks),
        ("odd operation", OddOperation),
        ("odd number", OddNumber),
    ];

    /// <summary>The fixture reviews of <paramref name="folder"/> (patches aside), in the order of their names on every file system.</summary>
    public static ReviewMutator FromFolder(int seed, string folder) => new(seed, [.. Directory.GetFiles(folder, "*.json")
        .Where(f => !f.EndsWith(".patch.json", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)]);

    public HostileReview Create(int @case)
    {
        // Not HashCode.Combine: it is salted per process, so a failing case would not replay.
        var random = new Random(unchecked((seed * 1_000_003) + @case));
        var root = JsonNode.Parse(fixtures[random.Next(fixtures.Count)])!;
        var applied = new List<string>();
        JsonObject? duplicateIn = null;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var (name, apply) = TreeMutations[random.Next(TreeMutations.Length)];
            applied.Add($"{name} {apply(random, root, ref duplicateIn)}");
        }
        var body = HostileJsonWriter.Write(root, duplicateIn);
        switch (random.Next(10))
        {
            case 0:
                var length = random.Next(body.Length);
                applied.Add($"truncated at {length}");
                body = body[..length];
                break;
            case 1:
                var flips = random.Next(1, 6);
                for (var i = 0; i < flips; i++)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }
                applied.Add($"{flips} bytes flipped");
                break;
            case 2 when random.Next(40) == 0:
                applied.Add("over 3 MiB");
                body = [.. body, .. Encoding.ASCII.GetBytes(new string(' ', OverLimit))];
                break;
        }
        return new HostileReview(seed, @case, body, applied);
    }

    private static string WrongType(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var (parent, key) = AnyMember(random, root);
        JsonNode? value = random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create(random.Next(2) == 0),
            3 => new JsonArray(JsonValue.Create("x"), null, new JsonObject()),
            4 => new JsonObject { ["unexpected"] = 1 },
            _ => JsonValue.Create("not what it should be"),
        };
        Set(parent, key, value);
        return key.ToString()!;
    }

    private static string MissingField(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToArray();
        if (objects.Length == 0)
        {
            return "(nothing left)";
        }
        var obj = objects[random.Next(objects.Length)];
        var name = obj.ElementAt(random.Next(obj.Count)).Key;
        obj.Remove(name);
        return name;
    }

    private static string HugeString(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var (parent, key) = AnyMember(random, root);
        var length = random.Next(10) == 0 ? random.Next(100_000, 600_000) : random.Next(1_000, 50_000);
        Set(parent, key, JsonValue.Create(new string((char)random.Next('a', 'z' + 1), length)));
        return $"{key} ({length} chars)";
    }

    private static string DeepNesting(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var (parent, key) = AnyMember(random, root);
        var depth = random.Next(2) == 0 ? random.Next(30, 80) : random.Next(500, 5_000);
        JsonNode nested = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            nested = random.Next(2) == 0 ? new JsonArray(nested) : new JsonObject { ["a"] = nested };
        }
        Set(parent, key, nested);
        return $"{key} ({depth} deep)";
    }

    private static string OddUnicode(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var (parent, key) = AnyMember(random, root);
        if (parent is JsonObject obj && random.Next(3) == 0)
        {
            // An odd key next to the real ones.
            obj[OddStrings.Next(random)] = JsonValue.Create(OddStrings.Next(random));
            return "key";
        }
        Set(parent, key, JsonValue.Create(OddStrings.Next(random)));
        return key.ToString()!;
    }

    private static string DuplicateKey(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToArray();
        if (objects.Length == 0)
        {
            return "(nothing left)";
        }
        duplicateIn = objects[random.Next(objects.Length)];
        return duplicateIn.First().Key;
    }

    private static string OddLinks(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        if (root["request"] is not JsonObject { } request || request["object"] is not JsonObject obj)
        {
            return "(no object)";
        }
        var metadata = obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());
        var annotations = metadata["annotations"] as JsonObject ?? (JsonObject)(metadata["annotations"] = new JsonObject());
        annotations["stackblaze.io/links"] = string.Join(random.Next(2) == 0 ? "," : ", ", Enumerable.Range(0, random.Next(1, 8)).Select(_ => OddStrings.Next(random)));
        return "stackblaze.io/links";
    }

    private static string OddOperation(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        if (root["request"] is not JsonObject request)
        {
            return "(no request)";
        }
        string[] operations = ["CREATE", "UPDATE", "DELETE", "CONNECT", "create", "", "PATCH"];
        request["operation"] = operations[random.Next(operations.Length)];
        // Objects of one kind declared as another, and old objects where there are none.
        string[] kinds = ["Pod", "Deployment", "CronJob", "Job", "StatefulSet", "Service", "pod"];
        if (request["kind"] is JsonObject kind)
        {
            kind["kind"] = kinds[random.Next(kinds.Length)];
        }
        request["oldObject"] = request["object"]?.DeepClone();
        return request["operation"]!.ToString();
    }

    private static string OddNumber(Random random, JsonNode root, ref JsonObject? duplicateIn)
    {
        var (parent, key) = AnyMember(random, root);
        string[] numbers = ["1e400", "-0", "123456789012345678901234567890", "0.0000000000000000001", "-1", "65536"];
        Set(parent, key, JsonNode.Parse(numbers[random.Next(numbers.Length)]));
        return key.ToString()!;
    }

    /// <summary>A member of an object or an item of an array anywhere below the root, as its parent and key or index.</summary>
    private static (JsonNode Parent, object Key) AnyMember(Random random, JsonNode root)
    {
        var slots = Descendants(root)
            .SelectMany<JsonNode, (JsonNode, object)>(node => node switch
            {
                JsonObject obj => [.. obj.Select(m => ((JsonNode)obj, (object)m.Key))],
                JsonArray array => [.. Enumerable.Range(0, array.Count).Select(i => ((JsonNode)array, (object)i))],
                _ => [],
            })
            .ToArray();
        if (slots.Length == 0)
        {
            root.AsObject()["filler"] = 0;
            return (root, "filler");
        }
        return slots[random.Next(slots.Length)];
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode root)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject obj => obj.Select(m => m.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                stack.Push(child);
            }
        }
    }
}
