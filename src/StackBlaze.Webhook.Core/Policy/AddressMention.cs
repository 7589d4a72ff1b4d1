namespace StackBlaze.Webhook.Policy;

/// <summary>An address found in a value: a URL, or a bare host with or without a port.</summary>
/// <param name="Text">The address as written.</param>
/// <param name="Host">Its host, lower case.</param>
/// <param name="HasPort">Whether it names a port.</param>
/// <param name="Rest">For a URL, what follows the authority: path, query and fragment; "" otherwise.</param>
/// <param name="IsUrl">Whether it has a scheme.</param>
public sealed record AddressMention(string Text, string Host, bool HasPort, string Rest, bool IsUrl)
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
