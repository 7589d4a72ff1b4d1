namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Two sets made by certs/generate.sh, each with its own CA: the certificate before and after a renewal.</summary>
public sealed class TwoCertificateSets : IAsyncLifetime
{
    private string? _folder;

    internal GeneratedCertificates First { get; private set; } = null!;

    internal GeneratedCertificates Second { get; private set; } = null!;

    /// <summary>A folder for a test's own files, removed with the sets.</summary>
    public string Scratch => Path.Combine(_folder!, "scratch");

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("stackblaze-certs-").FullName;
        Directory.CreateDirectory(Scratch);
        First = await GeneratedCertificates.GenerateAsync(Path.Combine(_folder, "first"));
        Second = await GeneratedCertificates.GenerateAsync(Path.Combine(_folder, "second"));
    }

    public Task DisposeAsync()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
