namespace StackBlaze.Webhook.Core.Objects;

/// <summary>The names Kubernetes accepts, checked before the webhook writes one into a pod the API server would refuse.</summary>
public static class KubernetesNames
{
    /// <summary>A DNS-1123 label, as container and volume names are: at most 63 lower-case letters, digits and '-', not at either end.</summary>
    public static bool IsDnsLabel(string name) => name.Length <= 63 && IsLabelOfAnyLength(name);

    /// <summary>A DNS-1123 subdomain, as Secret names are: labels joined by dots, at most 253 in all (the API server bounds no label alone).</summary>
    public static bool IsDnsSubdomain(string name) =>
        name.Length <= 253 && name.Split('.').All(IsLabelOfAnyLength);

    private static bool IsLabelOfAnyLength(string name) =>
        name.Length > 0
        && name[0] != '-' && name[^1] != '-'
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
