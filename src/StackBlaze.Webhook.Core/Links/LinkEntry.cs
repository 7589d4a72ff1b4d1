using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Links;

/// <summary>One entry of the links annotation, <c>[ENV_NAME=]service[:port]</c>, as written.</summary>
/// <param name="Text">The entry as it stands in the annotation, trimmed, for messages.</param>
/// <param name="EnvName">The explicit variable name, or null for the default.</param>
/// <param name="Service">The Service's name in the pod's own namespace.</param>
/// <param name="Port">A port number or name, or null for the default port.</param>
internal sealed record LinkEntry(string Text, string? EnvName, string Service, string? Port)
{
    /// <summary>The entry as messages quote it: cut short when a long variable name makes it long.</summary>
    public string Quoted => BoundedText.Quote(Text);
}
