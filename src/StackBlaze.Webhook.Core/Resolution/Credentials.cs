using System.Buffers;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>
/// Where a Service's credentials are: its Secret (<c>stackblaze.io/credentials-secret</c>) and the
/// key that holds each role (<c>stackblaze.io/credentials-keys</c>), so that an operator's Secret is
/// read as it is (CloudNativePG's <c>uri</c>, Crunchy PGO's <c>user</c>). The webhook never reads the Secret.
/// </summary>
/// <param name="Secret">The Secret's name.</param>
/// <param name="UsernameKey">The key of the username.</param>
/// <param name="PasswordKey">The key of the password.</param>
/// <param name="UriKey">The key of a ready, encoded connection URI, or null when the URL is composed.</param>
internal sealed record Credentials(string Secret, string UsernameKey, string PasswordKey, string? UriKey)
{
    public const string DefaultUsernameKey = "username";
    public const string DefaultPasswordKey = "password";

    // Three roles with keys of Kubernetes' longest (253) and their separators fit; a longer annotation is refused unread.
    private const int MaxKeysAnnotationLength = 1024;

    private const string Keys = StackBlazeAnnotations.CredentialsKeys;

    private static readonly SearchValues<char> SecretKeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._");

    /// <summary>
    /// The Service's credentials, or null when it names no Secret; the reason its annotations cannot be
    /// read, or null. Roles the keys annotation leaves out keep their default keys.
    /// </summary>
    public static string? TryRead(ServiceEntry service, out Credentials? credentials)
    {
        credentials = null;
        if (service.CredentialsSecret is not { } secret)
        {
            return service.CredentialsKeys is null
                ? null
                : $"has annotation {Keys} but no {StackBlazeAnnotations.CredentialsSecret}; name the Secret or remove the keys";
        }
        if (!KubernetesNames.IsDnsSubdomain(secret))
        {
            return $"has annotation {StackBlazeAnnotations.CredentialsSecret}: \"{BoundedText.Quote(secret)}\", which is not a Secret name (a DNS subdomain); fix the annotation";
        }
        var read = new Credentials(secret, DefaultUsernameKey, DefaultPasswordKey, null);
        if (service.CredentialsKeys is not { } annotation)
        {
            credentials = read;
            return null;
        }
        if (annotation.Length > MaxKeysAnnotationLength)
        {
            return $"has annotation {Keys} of {annotation.Length} characters; at most {MaxKeysAnnotationLength} are allowed";
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var role = equals < 0 ? pair : pair[..equals].Trim();
            var key = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            if (!IsSecretKey(key))
            {
                return $"has annotation {Keys} with \"{BoundedText.Quote(pair)}\", which is not role=key with a Secret key (letters, digits, '-', '_' and '.', at most 253); fix the annotation";
            }
            switch (role)
            {
                case "username":
                    read = read with { UsernameKey = key };
                    break;
                case "password":
                    read = read with { PasswordKey = key };
                    break;
                case "uri":
                    read = read with { UriKey = key };
                    break;
                default:
                    return $"has annotation {Keys} with the role \"{BoundedText.Quote(role)}\"; the roles are username, password and uri";
            }
            if (!seen.Add(role))
            {
                return $"has annotation {Keys} naming the role {role} twice; fix the annotation";
            }
        }
        credentials = read;
        return null;
    }

    /// <summary>A key a Secret may have, as the API server checks it: <c>[-._a-zA-Z0-9]+</c>, at most 253, not <c>.</c> nor starting <c>..</c>.</summary>
    private static bool IsSecretKey(string key) =>
        key.Length is > 0 and <= 253
        && !key.AsSpan().ContainsAnyExcept(SecretKeyChars)
        && key != "."
        && !key.StartsWith("..", StringComparison.Ordinal);
}
