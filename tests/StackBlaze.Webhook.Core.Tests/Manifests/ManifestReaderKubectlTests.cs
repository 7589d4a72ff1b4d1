using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>Our reading of YAML against kubectl's own, case by case, on a file of scalars YAML versions disagree on.</summary>
public class ManifestReaderKubectlTests
{
    private static readonly string Tricky = Json.FixturePath("manifests/yaml/tricky-scalars.yaml");

    private static readonly string[] Sections = ["data", "keys"];

    [Fact]
    public async Task Tricky_scalars_and_keys_read_as_kubectl_reads_them()
    {
        var kubectl = (await KubectlRead.ReadAsync(Tricky)).AsObject();
        var ours = JsonObject.Create(ManifestReader.ReadAll([Tricky], TextReader.Null).Single().Body)!;

        var cases = Sections.SelectMany(section => kubectl[section]!.AsObject().Select(p => (section, p.Key))).ToList();
        var differences = cases
            .Where(c => !SameValue(ours[c.section]?[c.Key], kubectl[c.section]![c.Key]))
            .Select(c => $"{c.section}.{c.Key}: kubectl {kubectl[c.section]![c.Key]?.ToJsonString() ?? "null"}, ours {ours[c.section]?[c.Key]?.ToJsonString() ?? "null"}")
            .ToList();

        cases.Should().HaveCount(61, "every case of the fixture is compared");
        differences.Should().BeEmpty();
        ours["keys"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(kubectl["keys"]!.AsObject().Select(p => p.Key));
    }

    // Numbers by value (kubectl prints 1e20 as 100000000000000000000), the rest by kind and text.
    private static bool SameValue(JsonNode? ours, JsonNode? kubectl) =>
        ours?.GetValueKind() == kubectl?.GetValueKind()
        && (ours?.GetValueKind() == JsonValueKind.Number
            ? Number(ours) == Number(kubectl!)
            : JsonNode.DeepEquals(ours, kubectl));

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
}
