using System.Runtime.InteropServices;
using StackBlaze.Webhook.Tests.Support;

namespace StackBlaze.Webhook.Tests.Native;

/// <summary>
/// The server published as the image publishes it (native, for this machine's architecture), once for
/// all the tests of its collection: what ships is not the build the other tests run.
/// </summary>
public sealed class NativeBuild : IAsyncLifetime
{
    public const string Collection = "native build";

    private readonly string _output = Directory.CreateTempSubdirectory("stackblaze-native-").FullName;

    internal WebhookProgram Program { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", Path.Combine("src", "StackBlaze.Webhook", "StackBlaze.Webhook.csproj"),
             "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", _output],
            within: TimeSpan.FromMinutes(10));
        publish.ExitCode.Should().Be(0, $"dotnet publish failed:\n{publish.Stdout}{publish.Stderr}");
        var executable = Path.Combine(_output, "stackblaze-webhook");
        File.Exists(executable).Should().BeTrue("a native publish leaves one executable");
        File.Exists(Path.Combine(_output, "stackblaze-webhook.dll")).Should().BeFalse("a native publish leaves no IL to JIT");
        Program = WebhookProgram.Native(executable);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return Task.CompletedTask;
    }
}
