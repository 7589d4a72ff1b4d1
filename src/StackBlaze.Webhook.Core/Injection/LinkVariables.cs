using System.Globalization;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Links;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Injection;

/// <summary>
/// The variables one resolved link injects, in the order they must stand in <c>env</c>; the
/// variable's name chose the form of its value (<see cref="AddressForms"/>), and the resolver made
/// sure the Service has what the form needs.
/// </summary>
internal static class LinkVariables
{
    public static IReadOnlyList<InjectedVariable> For(ResolvedLink link, ServiceHosts hosts)
    {
        if (link.Form == AddressForm.LibpqSet)
        {
            // The set gives what the Service has: libpq defaults the database to the user's name, and needs no password under trust or certificates.
            return [.. AddressForms.LibpqVariables
                .Where(variable => variable.Form switch
                {
                    AddressForm.Database => link.Service.Database is not null,
                    AddressForm.Username or AddressForm.Password => link.Credentials is not null,
                    _ => true,
                })
                .Select(variable => Single(link, variable.Name, variable.Form, hosts))];
        }
        if (link.Form != AddressForm.Url)
        {
            return [Single(link, link.EnvName, link.Form, hosts)];
        }

        var text = link.Entry.Text;
        if (link.Credentials is not { } credentials)
        {
            return [InjectedVariable.Plain(link.EnvName, ComposedUrl(link, hosts, ""), text)];
        }
        // An operator's ready URI is encoded already: a password with @ : / ? # would break the composed one.
        if (credentials.UriKey is { } uriKey)
        {
            return [InjectedVariable.FromSecret(link.EnvName, credentials.Secret, uriKey, text)];
        }

        // Credentials first: Kubernetes expands $(NAME) only for variables defined earlier.
        var stem = EnvNames.CredentialBase(link.EnvName);
        var user = $"{stem}_USER";
        var password = $"{stem}_PASSWORD";
        return
        [
            InjectedVariable.FromSecret(user, credentials.Secret, credentials.UsernameKey, text),
            InjectedVariable.FromSecret(password, credentials.Secret, credentials.PasswordKey, text),
            InjectedVariable.Plain(link.EnvName, ComposedUrl(link, hosts, $"$({user}):$({password})@"), text, user, password),
        ];
    }

    /// <summary>The variable of one form other than the URL.</summary>
    private static InjectedVariable Single(ResolvedLink link, string name, AddressForm form, ServiceHosts hosts)
    {
        var text = link.Entry.Text;
        return form switch
        {
            AddressForm.HostPort => InjectedVariable.Plain(name, $"{Host(link, hosts)}:{Port(link)}", text),
            AddressForm.Host => InjectedVariable.Plain(name, Host(link, hosts), text),
            AddressForm.Port => InjectedVariable.Plain(name, Port(link), text),
            AddressForm.Database => InjectedVariable.Plain(name, DatabaseName(link.Service.Database!), text),
            AddressForm.Username => InjectedVariable.FromSecret(name, link.Credentials!.Secret, link.Credentials.UsernameKey, text),
            AddressForm.Password => InjectedVariable.FromSecret(name, link.Credentials!.Secret, link.Credentials.PasswordKey, text),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "not a single variable's form"),
        };
    }

    /// <summary><c>scheme://[userinfo]host:port[/database]</c>.</summary>
    public static string ComposedUrl(ResolvedLink link, ServiceHosts hosts, string userInfo)
    {
        var path = link.Service.Database is { } database ? "/" + DatabaseName(database) : "";
        return $"{link.Scheme}://{userInfo}{Host(link, hosts)}:{Port(link)}{path}";
    }

    // The annotation may start with the path's slash, which the name does not have.
    private static string DatabaseName(string database) => database.TrimStart('/');

    private static string Host(ResolvedLink link, ServiceHosts hosts) => hosts.Of(link.Service.Name, link.Service.Namespace);

    private static string Port(ResolvedLink link) => link.Port.Port.ToString(CultureInfo.InvariantCulture);
}
