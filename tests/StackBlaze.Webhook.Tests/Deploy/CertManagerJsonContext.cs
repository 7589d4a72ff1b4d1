using System.Text.Json.Serialization;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>JSON metadata for our cert-manager types: KubernetesClient.Aot resolves only its own models.</summary>
[JsonSerializable(typeof(CertManagerIssuer))]
[JsonSerializable(typeof(CertManagerCertificate))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class CertManagerJsonContext : JsonSerializerContext;
