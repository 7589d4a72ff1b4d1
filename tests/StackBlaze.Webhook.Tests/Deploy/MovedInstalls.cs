namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>Each installable overlay with its pull secret, moved to <see cref="Namespace"/> by one <c>namespace:</c> line.</summary>
public sealed class MovedInstalls : RenderedInstalls
{
    public const string Namespace = "other-system";

    protected override string CertificatesNamespace => Namespace;

    protected override string Kustomization(string overlay) =>
        $"""
        namespace: {Namespace}
        resources: [../{overlay}]
        components: [../components/image-pull-secret]
        """;
}
