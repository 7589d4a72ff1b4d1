using System.Text.Json.Serialization;

namespace StackBlaze.Webhook.Tests.Deploy;

/// <summary>JSON metadata for our Prometheus Operator types: KubernetesClient.Aot resolves only its own models.</summary>
[JsonSerializable(typeof(ServiceMonitor))]
[JsonSerializable(typeof(PrometheusRule))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;
