namespace StackBlaze.Webhook.Core.Policy;

/// <summary>One piece of a container's configuration that may hold an address.</summary>
/// <param name="Container">The container's name; null for a ConfigMap's own key, which no container has taken yet.</param>
/// <param name="Subject">Where the value stands, for messages: <c>API_URL</c>, <c>API_URL (ConfigMap app key api)</c>, <c>args[2]</c>.</param>
/// <param name="VariableName">The variable it becomes, for exemptions; null for command and args.</param>
/// <param name="Value">The value as written; for a ConfigMap key, the addresses the catalog kept of it (<see cref="Catalog.ConfigMapValue"/>).</param>
/// <param name="FromConfigMap">Whether it comes from a ConfigMap, whose values findings quote only in part (<see cref="SecretRedaction"/>).</param>
internal sealed record ConfigValue(string? Container, string Subject, string? VariableName, string Value, bool FromConfigMap = false);
