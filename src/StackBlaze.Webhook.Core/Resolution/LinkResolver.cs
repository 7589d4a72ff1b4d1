using System.Buffers;
using StackBlaze.Webhook.Core.Catalog;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Links;

namespace StackBlaze.Webhook.Core.Resolution;

/// <summary>Matches link entries to the Services of the pod's namespace.</summary>
internal static class LinkResolver
{
    public static LinkResolution Resolve(IEnumerable<LinkEntry> entries, string namespaceName, IProjectCatalog catalog)
    {
        var links = new List<ResolvedLink>();
        var errors = new List<string>();
        var servicesListed = false;
        foreach (var entry in entries)
        {
            var error = TryResolve(entry, namespaceName, catalog, ref servicesListed, out var link);
            if (error is null)
            {
                links.Add(link!);
            }
            else
            {
                errors.Add(error);
            }
        }
        return new LinkResolution(links, errors);
    }

    // servicesListed: whether an earlier message lists the namespace's Services, which are listed once.
    private static string? TryResolve(LinkEntry entry, string namespaceName, IProjectCatalog catalog, ref bool servicesListed, out ResolvedLink? link)
    {
        link = null;
        var service = catalog.FindService(namespaceName, entry.Service);
        if (service is null)
        {
            var missing = $"link \"{entry.Quoted}\": namespace \"{namespaceName}\" has no service \"{entry.Service}\"";
            if (servicesListed)
            {
                return missing;
            }
            servicesListed = true;
            var known = catalog.ServiceNames(namespaceName);
            return $"{missing} ({(known.Count == 0 ? "it has none" : $"it has {BoundedText.Join(", ", known, ReviewLimits.MaxNamesListed)}")})";
        }

        var portError = TrySelectPort(entry, service, out var port);
        if (portError is not null)
        {
            return portError;
        }

        var scheme = Protocols.SchemeOf(port!);
        // The libpq set is a name too, as in a link: a PostgreSQL Service may give it to every link by default.
        if (entry.EnvName is null && service.EnvName is { } annotated && annotated != AddressForms.LibpqSetName
            && (!EnvNames.IsValid(annotated) || EnvNames.IsReserved(annotated)))
        {
            var rule = EnvNames.IsValid(annotated) ? $"a reserved name ({EnvNames.ReservedRule})" : $"not a variable name ({EnvNames.Rule})";
            return $"link \"{entry.Quoted}\": service \"{service.Name}\" has annotation {StackBlazeAnnotations.EnvName}: \"{BoundedText.Quote(annotated)}\", "
                + $"which is {rule}; fix it or name the variable in the link";
        }
        if (service.Database is { } database && !IsDatabaseName(database.TrimStart('/')))
        {
            return $"link \"{entry.Quoted}\": service \"{service.Name}\" has annotation {StackBlazeAnnotations.Database}: \"{BoundedText.Quote(database)}\", "
                + $"which is not a database name ({DatabaseNameRule}); fix the annotation";
        }
        if (Credentials.TryRead(service, out var credentials) is { } credentialsError)
        {
            return $"link \"{entry.Quoted}\": service \"{service.Name}\" {credentialsError}";
        }
        var envName = entry.EnvName ?? service.EnvName ?? Protocols.DefaultEnvName(scheme) ?? EnvNames.ForService(service.Name);
        var form = AddressForms.Of(envName);
        if (MissingValue(form, envName, service, credentials) is { } missingValue)
        {
            return $"link \"{entry.Quoted}\": {missingValue}";
        }

        link = new ResolvedLink(entry, service, port!, scheme, envName, form, credentials);
        return null;
    }

    /// <summary>Why the Service cannot give what the variable asks for, or null: a variable with no value would only fail later, in the app.</summary>
    private static string? MissingValue(AddressForm form, string envName, ServiceEntry service, Credentials? credentials) => form switch
    {
        AddressForm.Username or AddressForm.Password when credentials is null =>
            $"{BoundedText.Quote(envName)} is a {(form == AddressForm.Username ? "username" : "password")}, but service \"{service.Name}\" has no {StackBlazeAnnotations.CredentialsSecret}; "
            + "add it, or link another form",
        AddressForm.Database when service.Database is null =>
            $"{BoundedText.Quote(envName)} is a database name, but service \"{service.Name}\" has no {StackBlazeAnnotations.Database}; add it, or link another form",
        _ => null,
    };

    private const string DatabaseNameRule = "1 to 64 characters, none of / ? # @ : % \\ or white space";

    // What would end the URL's path, start a query or fragment, or change its user or host.
    private static readonly SearchValues<char> NotInDatabaseNames = SearchValues.Create("/?#@: \t\r\n\f\v%\\");

    /// <summary>
    /// A name the URL's path can hold as it is: PostgreSQL's names are at most 63 bytes, MySQL's 64;
    /// a value that reaches past the path (<c>mydb?host=elsewhere</c>) would send the client elsewhere.
    /// </summary>
    private static bool IsDatabaseName(string name) =>
        name.Length is > 0 and <= 64 && !name.AsSpan().ContainsAny(NotInDatabaseNames);

    /// <summary>The named port; else the only one; else the one named http.</summary>
    private static string? TrySelectPort(LinkEntry entry, ServiceEntry service, out ServicePortEntry? port)
    {
        if (service.Ports.IsEmpty)
        {
            port = null;
            return $"link \"{entry.Quoted}\": service \"{service.Name}\" has no ports";
        }

        if (entry.Port is { } wanted)
        {
            port = service.FindPort(wanted);
            return port is null
                ? $"link \"{entry.Quoted}\": service \"{service.Name}\" has no port \"{wanted}\"; its ports are {ListPorts(service)}"
                : null;
        }

        port = service.DefaultPort;
        return port is null
            ? $"link \"{entry.Quoted}\": service \"{service.Name}\" has several ports, {ListPorts(service)}, and none named http; "
                + $"choose one as {service.Name}:PORT"
            : null;
    }

    private static string ListPorts(ServiceEntry service) => BoundedText.Join(", ", [.. service.Ports.Select(p => p.ToString())], ReviewLimits.MaxNamesListed);
}
