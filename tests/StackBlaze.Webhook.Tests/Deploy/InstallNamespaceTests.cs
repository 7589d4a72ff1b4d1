using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>
/// The install moved to another namespace by one <c>namespace:</c> line in a kustomization over an
/// overlay (docs/install-settings.md): every object and every reference to the namespace follows.
/// </summary>
public sealed class InstallNamespaceTests(MovedInstalls installs) : IClassFixture<MovedInstalls>
{
    private const string Other = MovedInstalls.Namespace;

    private static readonly string[] OtherServiceNames = ["stackblaze-webhook.other-system.svc", "stackblaze-webhook.other-system.svc.cluster.local"];

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void One_namespace_line_leaves_no_trace_of_the_default_namespace(string overlay)
    {
        var install = installs[overlay];

        install.Yaml.Should().NotContain(OperatorKustomization.DefaultNamespace);
        install.Yaml.Should().NotContain("$(", "every kustomize variable is resolved");
        install.Manifests.One<V1Namespace>().Metadata.Name.Should().Be(Other);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Every_namespaced_object_lands_in_the_new_namespace(string overlay)
    {
        var manifests = installs[overlay].Manifests;

        var namespaced = manifests.Objects.Cast<IKubernetesObject<V1ObjectMeta>>()
            .Where(o => o is not (V1Namespace or V1ClusterRole or V1ClusterRoleBinding or V1MutatingWebhookConfiguration
                or V1ValidatingWebhookConfiguration or V1ValidatingAdmissionPolicy or V1ValidatingAdmissionPolicyBinding))
            .ToList();
        namespaced.Select(o => o.Kind).Should().Contain(["Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy", "ResourceQuota"]);
        namespaced.Should().OnlyContain(o => o.Metadata.NamespaceProperty == Other);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Webhooks_call_the_service_and_leave_out_the_namespace_they_moved_to(string overlay)
    {
        var manifests = installs[overlay].Manifests;

        foreach (var (service, selector) in new[]
        {
            (manifests.MutatingWebhook.ClientConfig.Service, manifests.MutatingWebhook.NamespaceSelector),
            (manifests.ValidatingWebhook.ClientConfig.Service, manifests.ValidatingWebhook.NamespaceSelector),
        })
        {
            (service.Name, service.NamespaceProperty).Should().Be((manifests.One<V1Service>().Metadata.Name, Other));
            selector.MatchExpressions.Single(e => e.Key == "kubernetes.io/metadata.name").Values.Should().Equal("kube-system", Other);
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Role_binding_names_the_service_account_in_the_new_namespace(string overlay)
    {
        var manifests = installs[overlay].Manifests;

        var subject = manifests.One<V1ClusterRoleBinding>().Subjects.Should().ContainSingle().Subject;

        (subject.Name, subject.NamespaceProperty).Should().Be((manifests.One<V1ServiceAccount>().Metadata.Name, Other));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Network_policy_and_disruption_budget_select_the_pods_beside_them(string overlay)
    {
        var manifests = installs[overlay].Manifests;
        var pods = manifests.Deployment.Spec.Template.Metadata.Labels;

        manifests.One<V1NetworkPolicy>().Metadata.NamespaceProperty.Should().Be(manifests.Deployment.Metadata.NamespaceProperty);
        manifests.One<V1NetworkPolicy>().Spec.PodSelector.MatchLabels.Should().BeSubsetOf(pods);
        manifests.One<V1PodDisruptionBudget>().Metadata.NamespaceProperty.Should().Be(Other);
        manifests.One<V1PodDisruptionBudget>().Spec.Selector.MatchLabels.Should().BeSubsetOf(pods);
    }

    [Fact]
    public void Cert_manager_names_the_moved_service_and_injects_the_ca_from_the_moved_certificate()
    {
        var manifests = installs[RenderedOverlays.CertManager].Manifests;
        var serving = manifests.All<CertManagerCertificate>().Single(c => !c.Spec.IsCA);

        serving.Spec.DnsNames.Should().Equal(OtherServiceNames);
        foreach (var annotations in new[]
        {
            manifests.One<V1MutatingWebhookConfiguration>().Metadata.Annotations,
            manifests.One<V1ValidatingWebhookConfiguration>().Metadata.Annotations,
        })
        {
            annotations.Should().Contain("cert-manager.io/inject-ca-from", $"{Other}/{serving.Metadata.Name}");
        }
    }

    [Fact]
    public void Static_certificates_made_for_the_namespace_name_the_moved_service()
    {
        var manifests = installs[RenderedOverlays.StaticCerts].Manifests;
        var secret = manifests.One<V1Secret>();

        using var certificate = X509CertificateLoader.LoadCertificate(secret.Data["tls.crt"]);

        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Should().Equal(OtherServiceNames);
        secret.Metadata.NamespaceProperty.Should().Be(Other);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlays.Installable), MemberType = typeof(RenderedOverlays))]
    public void Monitoring_scrapes_and_alerts_on_the_moved_install(string overlay)
    {
        var manifests = installs[overlay].Manifests;
        var monitor = manifests.One<ServiceMonitor>();
        var rule = manifests.One<PrometheusRule>();

        monitor.Metadata.NamespaceProperty.Should().Be(Other);
        monitor.Spec.Endpoints.Single().TlsConfig!.ServerName.Should().Be(OtherServiceNames[0]);
        rule.Metadata.NamespaceProperty.Should().Be(Other);
        rule.Spec.Groups.SelectMany(g => g.Rules).Where(r => r.Expr.Contains("namespace=", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(r => r.Expr.Contains($"namespace=\"{Other}\"", StringComparison.Ordinal));
    }
}
