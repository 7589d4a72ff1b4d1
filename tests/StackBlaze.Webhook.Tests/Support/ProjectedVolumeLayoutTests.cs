using System.Text.Json;
using StackBlaze.Webhook.Core.Manifests;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>A projected volume laid out as the kubelet's AtomicWriter lays it out.</summary>
public sealed class ProjectedVolumeLayoutTests
{
    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Secrets = new()
    {
        ["postgres-credentials"] = new Dictionary<string, string> { ["username"] = "app", ["password"] = "p@ss:w/rd?x#y" },
    };

    [Fact]
    public void Bindings_volume_has_each_file_behind_the_data_link_with_annotations_and_secret_values()
    {
        using var folder = new TemporaryFolder();

        ProjectedVolumeLayout.Write(Pod("bindings-one-volume-pod.yaml"), "stackblaze-bindings", Secrets, folder.Path);

        Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName).Where(name => !name!.StartsWith("..2", StringComparison.Ordinal))
            .Should().BeEquivalentTo("..data", "postgres");
        new FileInfo(Path.Combine(folder.Path, "postgres")).LinkTarget.Should().Be(Path.Combine("..data", "postgres"));
        var files = Directory.EnumerateFiles(Path.Combine(folder.Path, "postgres"))
            .ToDictionary(file => Path.GetFileName(file), file => File.ReadAllText(file));
        files.Should().Equal(new Dictionary<string, string>
        {
            ["type"] = "postgresql",
            ["provider"] = "stackblaze",
            ["host"] = "postgres.internal",
            ["port"] = "5432",
            ["database"] = "mydb",
            ["uri"] = "postgresql://postgres.internal:5432/mydb",
            ["username"] = "app",
            ["password"] = "p@ss:w/rd?x#y",
        });
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("postgres/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("..data/type")]
    public void Paths_the_api_server_refuses_are_refused(string path)
    {
        using var folder = new TemporaryFolder();
        var pod = Pod("bindings-one-volume-pod.yaml").GetRawText().Replace("\"postgres/type\"", JsonSerializer.Serialize(path), StringComparison.Ordinal);

        var write = () => ProjectedVolumeLayout.Write(JsonDocument.Parse(pod).RootElement, "stackblaze-bindings", Secrets, folder.Path);

        write.Should().Throw<InvalidDataException>().WithMessage($"invalid path {path}: must be relative, without '..'");
        Directory.EnumerateFileSystemEntries(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public void Missing_secret_key_stops_the_pod()
    {
        using var folder = new TemporaryFolder();
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["postgres-credentials"] = new Dictionary<string, string> { ["username"] = "app" },
        };

        var write = () => ProjectedVolumeLayout.Write(Pod("bindings-one-volume-pod.yaml"), "stackblaze-bindings", secrets, folder.Path);

        write.Should().Throw<InvalidOperationException>().WithMessage("the pod would not start: Secret postgres-credentials has no key password");
    }

    private static JsonElement Pod(string fixture)
    {
        var file = RepositoryPaths.Fixture("Clients", fixture);
        return ManifestReader.Parse(File.ReadAllText(file), file).Single().Body;
    }
}
