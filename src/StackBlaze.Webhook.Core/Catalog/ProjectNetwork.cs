namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>What a project's NetworkPolicies are made of: its Services, and the Ingresses that make some of them public.</summary>
public sealed record ProjectNetwork(string Namespace, IReadOnlyList<ServiceEntry> Services, IReadOnlyList<IngressEntry> Ingresses);
