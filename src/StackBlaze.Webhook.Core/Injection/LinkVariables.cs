using System.Globalization;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// The variables one resolved link injects, in the order they must stand in <c>env</c>; the
/// variable's name chooses the form of its value (<see cref="AddressForms"/>).
/// </summary>
internal static class LinkVariables
{
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    public static IReadOnlyList<InjectedVariable> For(ResolvedLink link, ServiceHosts hosts)
    {
        var host = hosts.Of(link.Service.Name, link.Service.Namespace);
        var port = link.Port.Port.ToString(CultureInfo.InvariantCulture);
        var text = link.Entry.Text;

        switch (AddressForms.Of(link.EnvName))
        {
            case AddressForm.HostPort:
                return [InjectedVariable.Plain(link.EnvName, $"{host}:{port}", text)];
            case AddressForm.Host:
                return [InjectedVariable.Plain(link.EnvName, host, text)];
            case AddressForm.Port:
                return [InjectedVariable.Plain(link.EnvName, port, text)];
        }

        var path = link.Service.Database is { } database ? "/" + database.TrimStart('/') : "";
        if (link.Service.CredentialsSecret is not { } secret)
        {
            return [InjectedVariable.Plain(link.EnvName, $"{link.Scheme}://{host}:{port}{path}", text)];
        }

        // Credentials come only with the URL form, and first: Kubernetes expands $(NAME) only for variables defined earlier.
        var stem = EnvNames.CredentialBase(link.EnvName);
        var user = $"{stem}_USER";
        var password = $"{stem}_PASSWORD";
        return
        [
            InjectedVariable.FromSecret(user, secret, UsernameKey, text),
            InjectedVariable.FromSecret(password, secret, PasswordKey, text),
            InjectedVariable.Plain(link.EnvName, $"{link.Scheme}://$({user}):$({password})@{host}:{port}{path}", text, user, password),
        ];
    }
}
