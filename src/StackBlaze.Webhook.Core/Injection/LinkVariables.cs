using StackBlaze.Webhook.Links;
using StackBlaze.Webhook.Resolution;

namespace StackBlaze.Webhook.Injection;

/// <summary>The variables one resolved link injects, in the order they must stand in <c>env</c>.</summary>
public static class LinkVariables
{
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    public static IReadOnlyList<InjectedVariable> For(ResolvedLink link)
    {
        var host = $"{link.Service.Name}.internal:{link.Port.Port}";
        var path = link.Service.Database is { } database ? "/" + database.TrimStart('/') : "";
        var text = link.Entry.Text;

        if (link.Service.CredentialsSecret is not { } secret)
        {
            return [InjectedVariable.Plain(link.EnvName, $"{link.Scheme}://{host}{path}", text)];
        }

        // Credentials come first: Kubernetes expands $(NAME) only for variables defined earlier.
        var stem = EnvNames.CredentialBase(link.EnvName);
        var user = $"{stem}_USER";
        var password = $"{stem}_PASSWORD";
        return
        [
            InjectedVariable.FromSecret(user, secret, UsernameKey, text),
            InjectedVariable.FromSecret(password, secret, PasswordKey, text),
            InjectedVariable.Plain(link.EnvName, $"{link.Scheme}://$({user}):$({password})@{host}{path}", text),
        ];
    }
}
