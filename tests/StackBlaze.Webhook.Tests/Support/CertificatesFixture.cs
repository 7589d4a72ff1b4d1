namespace StackBlaze.Webhook.Tests.Support;

/// <summary>One set of test certificates for a test class whose every test starts its own server.</summary>
public sealed class CertificatesFixture : IAsyncLifetime
{
    internal TestCertificates Certificates { get; private set; } = null!;

    public async Task InitializeAsync() => Certificates = await TestCertificates.CreateAsync();

    public Task DisposeAsync()
    {
        Certificates.Dispose();
        return Task.CompletedTask;
    }
}
