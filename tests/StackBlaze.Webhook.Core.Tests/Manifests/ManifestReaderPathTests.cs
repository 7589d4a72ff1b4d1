using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Manifests;

public class ManifestReaderPathTests
{
    [Fact]
    public void Folder_is_read_recursively_in_name_order_and_only_manifest_files()
    {
        var documents = ManifestReader.ReadAll([Json.FixturePath("manifests/folder")], TextReader.Null);

        documents.Select(d => d.Name).Should().Equal("a-z", "b", "c");
    }

    [Fact]
    public void Paths_are_read_in_the_order_given()
    {
        var documents = ManifestReader.ReadAll(
            [Json.FixturePath("manifests/folder/c.json"), Json.FixturePath("manifests/folder/b.yaml")], TextReader.Null);

        documents.Select(d => d.Name).Should().Equal("c", "b");
    }

    [Fact]
    public void Missing_path_is_an_error_naming_it()
    {
        var path = Json.FixturePath("manifests/no-such-file.yaml");

        var act = () => ManifestReader.ReadAll([path], TextReader.Null);

        act.Should().Throw<ManifestException>().WithMessage($"{path}: no such file or folder");
    }
}
