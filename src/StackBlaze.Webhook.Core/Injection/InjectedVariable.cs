using System.Text;
using System.Text.Json.Nodes;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// A variable a link injects: a plain value, or a reference to a Secret's key (credentials are
/// never read, only referred to).
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">The value, when it is not a Secret reference.</param>
/// <param name="SecretName">The Secret it refers to, for credentials.</param>
/// <param name="SecretKey">The Secret's key, for credentials.</param>
/// <param name="LinkText">The link entry it comes from, for messages.</param>
/// <param name="References">The variables its value refers to as <c>$(NAME)</c>.</param>
internal sealed record InjectedVariable(string Name, string? Value, string? SecretName, string? SecretKey, string LinkText, IReadOnlyList<string> References)
{
    public static InjectedVariable Plain(string name, string value, string linkText, params IReadOnlyList<string> references) =>
        new(name, value, null, null, linkText, references);

    public static InjectedVariable FromSecret(string name, string secretName, string secretKey, string linkText) =>
        new(name, null, secretName, secretKey, linkText, []);

    /// <summary>Whether <paramref name="other"/> gives the container the same value, whatever link it comes from.</summary>
    public bool HasSameValueAs(InjectedVariable other) =>
        Name == other.Name && Value == other.Value && SecretName == other.SecretName && SecretKey == other.SecretKey;

    /// <summary>The <c>EnvVar</c> as UTF-8 JSON, written anew: the plan keeps it.</summary>
    public byte[] ToEnvVarJson() => Encoding.UTF8.GetBytes(ToEnvVar().ToJsonString());

    /// <summary>The <c>EnvVar</c> as it goes into a container spec.</summary>
    public JsonObject ToEnvVar() => SecretName is null
        ? new JsonObject { ["name"] = Name, ["value"] = Value }
        : new JsonObject
        {
            ["name"] = Name,
            ["valueFrom"] = new JsonObject
            {
                ["secretKeyRef"] = new JsonObject { ["name"] = SecretName, ["key"] = SecretKey },
            },
        };
}
