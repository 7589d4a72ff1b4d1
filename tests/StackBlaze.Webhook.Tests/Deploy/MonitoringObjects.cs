using System.Text.Json.Serialization;
using k8s.Models;

namespace StackBlaze.Webhook.Tests.Deploy;

// The Prometheus Operator's ServiceMonitor and PrometheusRule as far as components/monitoring uses
// them, parsed strictly like cert-manager's objects (CertManagerObjects.cs).

[KubernetesEntity(Group = "monitoring.coreos.com", ApiVersion = "v1", Kind = "ServiceMonitor", PluralName = "servicemonitors")]
public sealed class ServiceMonitor : CustomObject<ServiceMonitor.ServiceMonitorSpec>
{
    public sealed class ServiceMonitorSpec
    {
        [JsonPropertyName("selector")]
        public V1LabelSelector Selector { get; set; } = new();

        [JsonPropertyName("endpoints")]
        public List<Endpoint> Endpoints { get; set; } = [];
    }

    public sealed class Endpoint
    {
        [JsonPropertyName("port")]
        public string Port { get; set; } = "";

        [JsonPropertyName("scheme")]
        public string? Scheme { get; set; }

        [JsonPropertyName("path")]
        public string? Path { get; set; }

        [JsonPropertyName("interval")]
        public string? Interval { get; set; }

        [JsonPropertyName("tlsConfig")]
        public TlsConfig? TlsConfig { get; set; }
    }

    public sealed class TlsConfig
    {
        [JsonPropertyName("serverName")]
        public string? ServerName { get; set; }

        [JsonPropertyName("ca")]
        public SecretOrConfigMap? Ca { get; set; }
    }

    public sealed class SecretOrConfigMap
    {
        [JsonPropertyName("secret")]
        public V1SecretKeySelector? Secret { get; set; }
    }
}

[KubernetesEntity(Group = "monitoring.coreos.com", ApiVersion = "v1", Kind = "PrometheusRule", PluralName = "prometheusrules")]
public sealed class PrometheusRule : CustomObject<PrometheusRule.PrometheusRuleSpec>
{
    public sealed class PrometheusRuleSpec
    {
        [JsonPropertyName("groups")]
        public List<RuleGroup> Groups { get; set; } = [];
    }

    public sealed class RuleGroup
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";

        [JsonPropertyName("rules")]
        public List<Rule> Rules { get; set; } = [];
    }

    public sealed class Rule
    {
        [JsonPropertyName("alert")]
        public string Alert { get; set; } = "";

        [JsonPropertyName("expr")]
        public string Expr { get; set; } = "";

        [JsonPropertyName("for")]
        public string? For { get; set; }

        [JsonPropertyName("labels")]
        public Dictionary<string, string> Labels { get; set; } = [];

        [JsonPropertyName("annotations")]
        public Dictionary<string, string> Annotations { get; set; } = [];
    }
}
