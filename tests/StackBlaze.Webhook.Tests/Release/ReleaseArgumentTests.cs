using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Release;

/// <summary>deploy/release.sh given what it must refuse: one line, exit 2, and nothing written.</summary>
public sealed class ReleaseArgumentTests
{
    private static string Script => Path.Combine(RepositoryPaths.Root, "deploy", "release.sh");

    public static TheoryData<string> NotVersions =>
    [
        "", "1.2", "v1.2.3", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+build.5", "1.2.3 ", "1.2.3\n4.5.6", "1.2.3;rm -rf /",
        "1.2.3-" + new string('a', 200),
    ];

    [Theory]
    [MemberData(nameof(NotVersions))]
    public async Task Version_that_is_not_semver_without_build_metadata_is_refused_in_one_line(string version)
    {
        using var parent = new TemporaryFolder();
        var outDir = Path.Combine(parent.Path, "dist");

        var result = await ProcessRunner.RunAsync(Script, [version, outDir]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().StartWith("release.sh: ").And.EndWith("\n").And.HaveLength(result.Stderr.IndexOf('\n') + 1)
            .And.Contain("is not a release version");
        Directory.EnumerateFileSystemEntries(parent.Path).Should().BeEmpty("nothing is written for a refused version");
    }

    [Theory]
    [InlineData]
    [InlineData("1.2.3", "dist", "extra")]
    public async Task Wrong_number_of_arguments_shows_the_usage(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(Script, arguments);

        result.Should().Be(new ProcessRunner.Result(2, "", "release.sh: usage: deploy/release.sh VERSION [OUTDIR]\n"));
    }

    [Theory]
    [InlineData("my registry/webhook")]
    [InlineData("registry.example.com/webhook:1.0")]
    [InlineData("Registry/Webhook")]
    public async Task Image_name_that_is_not_a_name_without_tag_is_refused_in_one_line(string image)
    {
        using var parent = new TemporaryFolder();

        var result = await ProcessRunner.RunAsync(Script, ["1.2.3", Path.Combine(parent.Path, "dist")], environment: new Dictionary<string, string?> { ["IMAGE"] = image });

        result.Should().Be(new ProcessRunner.Result(
            2, "", $"release.sh: IMAGE \"{image}\" is not an image name without tag (REGISTRY/NAME)\n"));
        Directory.EnumerateFileSystemEntries(parent.Path).Should().BeEmpty();
    }

    [Fact]
    public async Task Folder_holding_other_files_is_refused_and_left_as_it_was()
    {
        using var outDir = new TemporaryFolder();
        var notes = outDir.Write("notes.txt", "mine");

        var result = await ProcessRunner.RunAsync(Script, ["1.2.3", outDir.Path]);

        result.Should().Be(new ProcessRunner.Result(
            2, "", $"release.sh: {outDir.Path} holds files that are not a release; give a new or empty folder\n"));
        Directory.EnumerateFileSystemEntries(outDir.Path).Should().Equal(notes);
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(outDir.Path)!, ".release-*").Should().BeEmpty();
    }
}
