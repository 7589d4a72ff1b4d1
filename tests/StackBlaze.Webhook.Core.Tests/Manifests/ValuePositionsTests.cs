using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Tests.Manifests;

/// <summary>Finding where a value is written from its JSON Pointer, by reading its document again.</summary>
public class ValuePositionsTests
{
    private static ManifestDocument Document(string yaml) => ManifestReader.Parse(yaml, "test.yaml").Single();

    [Fact]
    public void Positions_count_lines_from_the_file_not_from_the_document()
    {
        var second = ManifestReader.Parse("# a comment\napiVersion: v1\nkind: A\n---\n# b\napiVersion: v1\nkind: B\ndata:\n  KEY: 'value'\n", "test.yaml")[1];

        ValuePositions.Find(second, ["/data/KEY"]).Should().Equal(new Dictionary<string, ValuePosition> { ["/data/KEY"] = new(9, 8) });
    }

    [Fact]
    public void A_key_a_merge_key_brings_points_at_the_mapping_that_merges_it()
    {
        var document = Document("base: &base\n  KEY: one\napiVersion: v1\nkind: ConfigMap\ndata:\n  <<: *base\n  OWN: two\n");

        ValuePositions.Find(document, ["/data/KEY", "/data/OWN"]).Should().Equal(new Dictionary<string, ValuePosition>
        {
            ["/data/KEY"] = new(6, 3),
            ["/data/OWN"] = new(7, 8),
        });
    }

    [Fact]
    public void Keys_with_slashes_and_tildes_are_found_by_their_escaped_pointer()
    {
        var document = Document("apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    stackblaze.io/links: backend\n    a~b: c\n");

        ValuePositions.Find(document, ["/metadata/annotations/stackblaze.io~1links", "/metadata/annotations/a~0b"]).Values
            .Should().Equal(new ValuePosition(5, 26), new ValuePosition(6, 10));
    }

    [Fact]
    public void A_pointer_to_nothing_written_and_text_that_is_not_yaml_give_no_position()
    {
        var document = Document("apiVersion: v1\nkind: ConfigMap\n");
        var fromCluster = document with { Text = "\"a quote never closed" };

        ValuePositions.Find(document, ["/nothing/here"]).Should().BeEmpty();
        ValuePositions.Find(fromCluster, ["/data/KEY"]).Should().BeEmpty();
    }
}
