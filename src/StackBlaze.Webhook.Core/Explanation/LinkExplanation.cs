namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>One entry of the links annotation: what it resolves to, or why it does not.</summary>
/// <param name="Link">The entry, as quoted.</param>
/// <param name="Service">The Service it names.</param>
/// <param name="Port">The port chosen, when it resolves.</param>
/// <param name="PortName">That port's name, if it has one.</param>
/// <param name="Protocol">The protocol, the scheme of its URL.</param>
/// <param name="Form">How its variable spells the address: <c>url</c>, <c>host-port</c>, <c>host</c> or <c>port</c>.</param>
/// <param name="Variables">The variables it gives, in order.</param>
/// <param name="Error">Why it does not resolve, or null.</param>
public sealed record LinkExplanation(
    string Link, string Service, int? Port, string? PortName, string? Protocol, string? Form, IReadOnlyList<string> Variables, string? Error);
