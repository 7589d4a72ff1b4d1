namespace StackBlaze.Webhook.Core.Policy;

/// <summary>
/// What a finding may quote of an address it found: denials, warnings, audit annotations and logs
/// all carry it, and none of them may carry a password or a token. A URL's userinfo, user and
/// password alike, and the values of query and fragment parameters named like secrets become <c>***</c>; of a value read from a ConfigMap, only scheme, host, port and path
/// are quoted, since the pod's author may not be the one who wrote it.
/// </summary>
internal static class SecretRedaction
{
    public const string Mask = "***";

    // Parts of parameter names that hold secrets (apikey, access_token, X-Amz-Signature, sig, auth...); a false match only hides a harmless value.
    private static readonly string[] SecretWords = ["key", "token", "secret", "pass", "pwd", "pw", "jwt", "sig", "auth", "credential", "session", "cookie"];

    public static AddressMention Redact(AddressMention address, bool fromConfigMap)
    {
        if (!address.IsUrl)
        {
            return address;
        }
        var authorityStart = address.Text.IndexOf("://", StringComparison.Ordinal) + 3;
        var authority = address.Text[authorityStart..^address.Rest.Length];
        // The whole userinfo: a token is often the user name (GitHub's TOKEN:x-oauth-basic, TOKEN:), not only the password.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = Mask + authority[at..];
        }
        var rest = fromConfigMap ? address.Rest[..PathEnd(address.Rest)] : RedactParameters(address.Rest);
        return address with { Text = address.Text[..authorityStart] + authority + rest, Rest = rest };
    }

    private static int PathEnd(string rest) => rest.IndexOfAny(['?', '#']) is var end and >= 0 ? end : rest.Length;

    /// <summary>The path as written; in the query and the fragment, each <c>name=value</c> whose name is a secret's gets <c>name=***</c>.</summary>
    private static string RedactParameters(string rest)
    {
        var pathEnd = PathEnd(rest);
        if (pathEnd == rest.Length)
        {
            return rest;
        }
        var redacted = new System.Text.StringBuilder(rest, 0, pathEnd + 1, rest.Length);
        var parameters = rest[(pathEnd + 1)..];
        var start = 0;
        for (var i = 0; i <= parameters.Length; i++)
        {
            if (i < parameters.Length && parameters[i] is not ('&' or ';' or '#' or '?'))
            {
                continue;
            }
            var parameter = parameters[start..i];
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            redacted.Append(equals > 0 && IsSecretName(parameter[..equals]) ? $"{parameter[..(equals + 1)]}{Mask}" : parameter);
            if (i < parameters.Length)
            {
                redacted.Append(parameters[i]);
            }
            start = i + 1;
        }
        return redacted.ToString();
    }

    private static bool IsSecretName(string name) =>
        Array.Exists(SecretWords, word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
