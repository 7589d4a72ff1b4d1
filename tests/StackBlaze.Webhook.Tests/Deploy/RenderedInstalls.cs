namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// An operator's kustomization over each installable overlay, rendered once for the tests of a class
/// (<see cref="OperatorKustomization"/>).
/// </summary>
public abstract class RenderedInstalls : IAsyncLifetime
{
    private readonly Dictionary<string, RenderedInstall> _rendered = [];

    internal RenderedInstall this[string overlay] => _rendered[overlay];

    /// <summary>The namespace static-certs' certificates are made for.</summary>
    protected virtual string CertificatesNamespace => OperatorKustomization.DefaultNamespace;

    /// <summary>The operator's kustomization over <paramref name="overlay"/>.</summary>
    protected abstract string Kustomization(string overlay);

    public async Task InitializeAsync()
    {
        foreach (var overlay in new[] { RenderedOverlays.CertManager, RenderedOverlays.StaticCerts })
        {
            _rendered[overlay] = await OperatorKustomization.RenderAsync(Kustomization(overlay), CertificatesNamespace);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
