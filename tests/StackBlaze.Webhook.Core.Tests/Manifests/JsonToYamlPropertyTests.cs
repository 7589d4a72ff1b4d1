using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>
/// The writer against generated JSON: whatever it writes, our reader reads back as the same JSON.
/// CsCheck prints the seed of any failure, to replay it.
/// </summary>
public class JsonToYamlPropertyTests
{
    private const int Iterations = 10_000;

    /// <summary>Strings YAML readers resolve, fold, trim or stop at, when written plain.</summary>
    private static readonly string[] Nasty =
    [
        "on", "NO", "yes", "Off", "y", "N", "true", "False", "~", "", "null", "Null", "<<", "=",
        "0755", "0x1F", "0o17", "0b101", "1_000", "1e3", "-1.5E+3", ".5", "+1", ".inf", "-.Inf", ".NaN", "-Infinity",
        "1:30", "2024-01-01", "2001-12-14t21:59:43.10-05:00",
        "a: b", "a:b", "x *y", "a\tb", "- x", "-", "?", ":", "? x", "#x", "x #y", "x#y", "&anchor", "*alias", "!tag", "%YAML", "@", "`",
        "|", ">", "[a]", "{a: 1}", ",", "---", "...", "--- x", "... x",
        " lead", "trail ", "\tlead", "trail\t", "  ", "\t",
        "\n", "a\n", "a\nb", "a\n\n", "\na", "a \nb", " a\nb", "a\n b\n", "a\r\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b",
        "héllo", "日本語", "emoji 😀", "😀\n😀", "\u00a0", "a\u00a0", "\u200b", "\ufeff", "a\ufeffb", "\u3000x",
        "'", "''", "\"", "it's", "say \"hi\"", "back\\slash", "\\n", "\0", "a\u0001b", "\u001b[0m", "\u007f",
    ];

    /// <summary>Characters with a meaning somewhere in YAML, and plain ones around them.</summary>
    private static readonly Gen<string> Yamlish = Gen.Frequency(
        (4, Gen.Char["abyzNOn019 -.:#,'\"\\[]{}&*!|>%@`?~_+=<\t\n"].Select(c => c.ToString())),
        (1, Gen.OneOf("\r", "\u0085", "\u2028", "\u00a0", "\ufeff", "é", "😀", "\0", "\u001b")))
        .Array[0, 12].Select(string.Concat);

    /// <summary>Any Unicode scalar values: valid text, so never a lone surrogate, which no YAML file holds.</summary>
    private static readonly Gen<string> AnyText = Gen.Int[0, 0x10FFFF].Where(Rune.IsValid)
        .Array[0, 8].Select(codes => string.Concat(codes.Select(code => new Rune(code).ToString())));

    private static readonly Gen<string> Text = Gen.Frequency((3, Gen.OneOf(Nasty)), (3, Yamlish), (1, AnyText));

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency<JsonNode?>(
        (4, Text.Select(text => (JsonNode?)JsonValue.Create(text))),
        (1, Gen.Long.Select(number => (JsonNode?)JsonValue.Create(number))),
        (1, Gen.Double.Where(double.IsFinite).Select(number => (JsonNode?)JsonValue.Create(number))),
        (1, Gen.OneOf("0", "-1", "1.0", "1.50", "1e3", "2E-7", "-0.0").Select(number => JsonNode.Parse(number))),
        (1, Gen.Bool.Select(flag => (JsonNode?)JsonValue.Create(flag))),
        (1, Gen.Const((JsonNode?)null)));

    private static readonly Gen<JsonNode?> AnyJson = Gen.Recursive<JsonNode?>((depth, json) => depth >= 4 ? Scalar : Gen.Frequency(
        (3, Scalar),
        (1, json.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
        (1, Gen.Select(Text, json, KeyValuePair.Create).Array[0, 4].Select(members => (JsonNode?)new JsonObject(members.DistinctBy(m => m.Key))))));

    [Fact]
    public void Written_yaml_reads_back_as_the_same_json()
    {
        AnyJson.Sample(value =>
        {
            var manifest = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Thing", ["value"] = value };

            var yaml = JsonToYaml.Write(manifest);

            JsonObject.Create(ManifestReader.Parse(yaml, "written.yaml").Should().ContainSingle().Which.Body).ShouldDeepEqual(manifest);
        }, iter: Iterations, print: value => value?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Every_nasty_string_reads_back_the_same_as_a_value_and_as_a_key()
    {
        foreach (var text in Nasty)
        {
            var manifest = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Thing", ["value"] = text, [text] = "key", ["list"] = new JsonArray(text) };

            var yaml = JsonToYaml.Write(manifest);

            JsonObject.Create(ManifestReader.Parse(yaml, "written.yaml").Should().ContainSingle().Which.Body).ShouldDeepEqual(manifest);
        }
    }

    [Fact]
    public void Written_yaml_ends_in_a_line_break_and_has_no_document_markers()
    {
        AnyJson.Sample(value =>
        {
            var yaml = JsonToYaml.Write(new JsonObject { ["value"] = value });

            yaml.Should().EndWith("\n").And.NotStartWith("---").And.NotContain("\n---").And.NotContain("\n...\n");
        }, iter: Iterations, print: value => value?.ToJsonString() ?? "null");
    }
}
