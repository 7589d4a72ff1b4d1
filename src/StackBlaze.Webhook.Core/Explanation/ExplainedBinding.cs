namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>A Service Binding the pods get: its directory below <c>$SERVICE_BINDING_ROOT</c>, its volume and its files.</summary>
/// <param name="Service">The Service, the binding's directory.</param>
/// <param name="Volume">The projected volume that holds it.</param>
/// <param name="Files">Its files: a value, or the Secret key the kubelet reads it from (a Secret's value is never read).</param>
public sealed record ExplainedBinding(string Service, string Volume, IReadOnlyList<ExplainedVariable> Files);
