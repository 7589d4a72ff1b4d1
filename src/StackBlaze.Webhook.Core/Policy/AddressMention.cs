namespace StackBlaze.Webhook.Core.Policy;

/// <summary>An address found in a value: a URL, a gRPC <c>dns:</c> or <c>passthrough:</c> target, or a bare host with or without a port and a path.</summary>
/// <param name="Text">The address as written.</param>
/// <param name="Host">Its host, lower case.</param>
/// <param name="HasPort">Whether it names a port.</param>
/// <param name="Rest">What follows the host and port: for a URL path, query and fragment; for a bare host its path; "" otherwise.</param>
/// <param name="IsUrl">Whether it has a scheme.</param>
/// <param name="IsDnsTarget">Whether it is a gRPC name (<c>dns:[//authority/]host[:port]</c>, <c>passthrough:[///]host[:port]</c>), whose host is its endpoint, not its authority.</param>
internal sealed record AddressMention(string Text, string Host, bool HasPort, string Rest, bool IsUrl, bool IsDnsTarget = false)
{
    /// <summary>The path alone, for matching Ingress paths.</summary>
    public string Path
    {
        get
        {
            var end = Rest.IndexOfAny(['?', '#']);
            var path = end < 0 ? Rest : Rest[..end];
            return path.Length == 0 ? "/" : path;
        }
    }
}
