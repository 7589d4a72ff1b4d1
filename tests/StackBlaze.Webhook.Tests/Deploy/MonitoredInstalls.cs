namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>Each installable overlay with components/monitoring, as docs/install-settings.md adds it.</summary>
public sealed class MonitoredInstalls : RenderedInstalls
{
    protected override string Kustomization(string overlay) =>
        $"""
        resources: [../{overlay}]
        components: [../components/monitoring]
        """;
}
