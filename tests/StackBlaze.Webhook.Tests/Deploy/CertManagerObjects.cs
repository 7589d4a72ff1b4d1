using System.Text.Json.Serialization;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

// cert-manager's Issuer and Certificate as far as the overlay uses them: KubernetesClient has no
// types for them, and parsing strictly into these catches a misspelt field as it does for the rest.

[KubernetesEntity(Group = "cert-manager.io", ApiVersion = "v1", Kind = "Issuer", PluralName = "issuers")]
public sealed class CertManagerIssuer : CustomObject<CertManagerIssuer.IssuerSpec>
{
    public sealed class IssuerSpec
    {
        [JsonPropertyName("selfSigned")]
        public Dictionary<string, string>? SelfSigned { get; set; }

        [JsonPropertyName("ca")]
        public CaIssuer? Ca { get; set; }
    }

    public sealed class CaIssuer
    {
        [JsonPropertyName("secretName")]
        public string SecretName { get; set; } = "";
    }
}

[KubernetesEntity(Group = "cert-manager.io", ApiVersion = "v1", Kind = "Certificate", PluralName = "certificates")]
public sealed class CertManagerCertificate : CustomObject<CertManagerCertificate.CertificateSpec>
{
    public sealed class CertificateSpec
    {
        [JsonPropertyName("isCA")]
        public bool IsCA { get; set; }

        [JsonPropertyName("commonName")]
        public string? CommonName { get; set; }

        [JsonPropertyName("secretName")]
        public string SecretName { get; set; } = "";

        [JsonPropertyName("dnsNames")]
        public List<string>? DnsNames { get; set; }

        [JsonPropertyName("duration")]
        public string? Duration { get; set; }

        [JsonPropertyName("renewBefore")]
        public string? RenewBefore { get; set; }

        [JsonPropertyName("usages")]
        public List<string>? Usages { get; set; }

        [JsonPropertyName("privateKey")]
        public PrivateKey? PrivateKey { get; set; }

        [JsonPropertyName("issuerRef")]
        public IssuerReference IssuerRef { get; set; } = new();
    }

    public sealed class PrivateKey
    {
        [JsonPropertyName("algorithm")]
        public string? Algorithm { get; set; }

        [JsonPropertyName("size")]
        public int? Size { get; set; }

        [JsonPropertyName("rotationPolicy")]
        public string? RotationPolicy { get; set; }
    }

    public sealed class IssuerReference
    {
        [JsonPropertyName("kind")]
        public string? Kind { get; set; }

        [JsonPropertyName("name")]
        public string Name { get; set; } = "";
    }
}
