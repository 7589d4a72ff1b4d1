using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Release;

/// <summary>
/// deploy/release.sh run once, as a maintainer runs it, for all the tests of its collection: its native
/// binary is the one the native tests run too, so that a test run publishes native AOT once.
/// </summary>
public sealed class ReleaseBuild : IAsyncLifetime
{
    public const string Collection = "release build";

    /// <summary>A pre-release, so that the version's grammar is exercised past MAJOR.MINOR.PATCH.</summary>
    public const string Version = "9.8.7-rc.1";

    private readonly string _parent = Directory.CreateTempSubdirectory("stackblaze-release-").FullName;

    /// <summary>OUTDIR, which the script creates.</summary>
    public string Folder => Path.Combine(_parent, "dist");

    public string Binary => Path.Combine(Folder, $"stackblaze-webhook-{Version}-linux-x64");

    /// <summary>The commit the release was made from.</summary>
    public string Revision { get; private set; } = "";

    internal ProcessRunner.Result Run { get; private set; } = null!;

    internal WebhookProgram Program => WebhookProgram.Native(Binary);

    public async Task InitializeAsync()
    {
        Revision = (await ProcessRunner.RunAsync("git", ["rev-parse", "HEAD"])).Stdout.Trim();
        Run = await ProcessRunner.RunAsync(
            Path.Combine(RepositoryPaths.Root, "deploy", "release.sh"), [Version, Folder], within: TimeSpan.FromMinutes(20));
        Run.ExitCode.Should().Be(0, $"deploy/release.sh failed:\n{Run.Stdout}{Run.Stderr}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_parent, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A file of the release.</summary>
    public string File(string name) => Path.Combine(Folder, name);
}
