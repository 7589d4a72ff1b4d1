namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>Each installable overlay with both optional components, moved to <see cref="Namespace"/> by one <c>namespace:</c> line.</summary>
public sealed class MovedInstalls : RenderedInstalls
{
    public const string Namespace = "other-system";

    protected override string CertificatesNamespace => Namespace;

    protected override string Kustomization(string overlay) =>
        $"""
        namespace: {Namespace}
        resources: [../{overlay}]
        components: [../components/monitoring, ../components/image-pull-secret]
        """;
}
