namespace StackBlaze.Webhook.Tests.Support.NetworkPolicySemantics;

/// <summary>A port one of a pod's containers declares: what a NetworkPolicy's named port resolves to.</summary>
internal sealed record PodPort(string? Name, int Number, string Protocol = "TCP");
