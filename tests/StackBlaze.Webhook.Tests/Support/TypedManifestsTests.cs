using k8s.Models;
using StackBlaze.Webhook.Tests.Deploy;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>The strict reader that fixtures, inject output and rendered deploy/ manifests are bound with.</summary>
public sealed class TypedManifestsTests
{
    [Fact]
    public void Known_kinds_bind_to_their_models_with_every_field_kept()
    {
        var objects = TypedManifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              annotations:
                stackblaze.io/links: backend
            spec:
              replicas: 2
              strategy:
                rollingUpdate:
                  maxUnavailable: 0
              template:
                spec:
                  containers:
                    - name: api
                      image: api:1
                      resources:
                        limits:
                          cpu: 500m
                  volumes:
                    - name: scratch
                      emptyDir: {}
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: selfsigned
            spec:
              selfSigned: {}
            """, "api.yaml");

        objects.Should().SatisfyRespectively(
            deployment => deployment.Should().BeOfType<V1Deployment>().Which.Spec.Replicas.Should().Be(2),
            issuer => issuer.Should().BeOfType<CertManagerIssuer>().Which.Spec.SelfSigned.Should().BeEmpty());
    }

    [Fact]
    public void Misspelt_fields_are_an_error_that_names_their_paths()
    {
        var load = () => TypedManifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              replicass: 2
              template:
                spec:
                  containers:
                    - name: api
                      imag: api:1
            """, "api.yaml");

        load.Should().Throw<InvalidDataException>()
            .WithMessage("api.yaml:1: Deployment/api: V1Deployment drops spec.replicass, spec.template.spec.containers[0].imag");
    }

    [Fact]
    public void Misspelt_field_of_our_cert_manager_types_is_an_error_too()
    {
        var load = () => TypedManifests.Load("""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: serving
            spec:
              secretName: serving-tls
              dnsName: [webhook.svc]
              issuerRef:
                name: ca
            """, "certificate.yaml");

        load.Should().Throw<InvalidDataException>()
            .WithMessage("certificate.yaml:1: Certificate/serving: CertManagerCertificate drops spec.dnsName");
    }

    [Fact]
    public void Kind_without_a_model_is_an_error()
    {
        var load = () => TypedManifests.Load("""
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: gadget
            """, "widget.yaml");

        load.Should().Throw<InvalidDataException>()
            .WithMessage("widget.yaml:1: Widget/gadget: no model for example.com/v1 Widget (known: v1/Namespace, *)");
    }
}
