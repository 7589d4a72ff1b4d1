using System.Buffers;

namespace StackBlaze.Webhook.Policy;

/// <summary>
/// Which ConfigMap keys the policy reads as variables. Kubernetes exports through <c>envFrom</c>
/// any key that is a valid variable name, which since 1.30 is nearly any key (<c>nginx.conf</c>
/// included); but a name with a dot or a dash is one no shell can expand and no framework binds
/// settings from, while it is exactly what a file mounted from the ConfigMap is called. So a key
/// of letters, digits and underscores is a variable (a prefix may make one that starts with a
/// digit valid); any other key is a file, and is not refused.
/// </summary>
public static class EnvFromKeys
{
    private static readonly SearchValues<char> VariableChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    public static bool IsVariable(string key) => key.Length > 0 && !key.AsSpan().ContainsAnyExcept(VariableChars);
}
