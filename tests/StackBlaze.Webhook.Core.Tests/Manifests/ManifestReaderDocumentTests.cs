using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

public class ManifestReaderDocumentTests
{
    private static readonly string Shop = Json.FixturePath("manifests/shop.yaml");

    [Fact]
    public void Every_document_of_a_file_is_read_and_empty_ones_are_skipped()
    {
        var documents = ManifestReader.ReadAll([Shop], TextReader.Null);

        documents.Select(d => $"{d.Kind}/{d.Name}").Should().Equal("Namespace/shop", "Service/backend", "Deployment/backend");
        documents.Should().OnlyContain(d => d.Source == Shop);
    }

    [Fact]
    public void Documents_know_the_line_they_start_on()
    {
        var documents = ManifestReader.ReadAll([Shop], TextReader.Null);

        documents.Select(d => d.Line).Should().Equal(2, 7, 16);
        documents[1].Location.Should().Be($"{Shop}:7: Service/backend");
    }

    [Fact]
    public void Document_text_is_kept_as_written()
    {
        var service = ManifestReader.ReadAll([Shop], TextReader.Null)[1];

        service.Text.Should().StartWith("---\napiVersion: v1\nkind: Service\n").And.Contain("    - port: 3000\n");
    }

    [Fact]
    public void Group_comes_from_the_api_version()
    {
        var documents = ManifestReader.ReadAll([Shop], TextReader.Null);

        documents.Select(d => d.Group).Should().Equal("", "", "apps");
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var documents = ManifestReader.ReadAll(["-"], new StringReader("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"));

        documents.Should().ContainSingle().Which.Location.Should().Be("-:1: Pod/p");
    }

    [Fact]
    public void Only_documents_left_give_nothing()
    {
        ManifestReader.Parse("---\n---\n# nothing\n", "empty.yaml").Should().BeEmpty();
        ManifestReader.Parse("", "empty.yaml").Should().BeEmpty();
    }

    [Fact]
    public void Document_that_is_not_a_kubernetes_object_is_rejected_with_file_and_line()
    {
        var act = () => ManifestReader.Parse("apiVersion: v1\nkind: Pod\n---\n- a\n- b\n", "list.yaml");

        act.Should().Throw<ManifestException>().WithMessage("list.yaml:3: not a Kubernetes object (apiVersion and kind are needed)");
    }

    [Theory]
    [InlineData("kind: Pod\n")]
    [InlineData("apiVersion: v1\n")]
    [InlineData("just text\n")]
    public void Document_without_api_version_and_kind_is_rejected(string yaml)
    {
        var act = () => ManifestReader.Parse(yaml, "x.yaml");

        act.Should().Throw<ManifestException>().WithMessage("x.yaml:1: not a Kubernetes object*");
    }
}
