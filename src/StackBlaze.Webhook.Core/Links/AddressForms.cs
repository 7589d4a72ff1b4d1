namespace StackBlaze.Webhook.Core.Links;

/// <summary>Reads the form from a variable's name, as apps and drivers moved onto StackBlaze already name them.</summary>
internal static class AddressForms
{
    /// <summary>The link entry's name for libpq's whole set: not a variable name, so no entry of today's grammar means it.</summary>
    public const string LibpqSetName = "PG*";

    /// <summary>The variables libpq reads (psql and most PostgreSQL drivers), which need no URL encoding.</summary>
    public static IReadOnlyList<(string Name, AddressForm Form)> LibpqVariables { get; } =
    [
        ("PGHOST", AddressForm.Host),
        ("PGPORT", AddressForm.Port),
        ("PGDATABASE", AddressForm.Database),
        ("PGUSER", AddressForm.Username),
        ("PGPASSWORD", AddressForm.Password),
    ];

    // Whole names no ending gives: DB_NAME, which many apps read beside DB_USER and DB_PASSWORD, is no *_DB_NAME.
    private static readonly (string Name, AddressForm Form)[] WholeNames = [.. LibpqVariables, ("DB_NAME", AddressForm.Database)];

    private static readonly (string Suffix, AddressForm Form)[] Suffixes =
    [
        ("_ADDR", AddressForm.HostPort),
        ("_ADDRESS", AddressForm.HostPort),
        ("_HOSTPORT", AddressForm.HostPort),
        ("_HOST", AddressForm.Host),
        ("_HOSTNAME", AddressForm.Host),
        ("_PORT", AddressForm.Port),
        ("_USER", AddressForm.Username),
        ("_USERNAME", AddressForm.Username),
        ("_PASSWORD", AddressForm.Password),
        ("_DATABASE", AddressForm.Database),
        ("_DBNAME", AddressForm.Database),
        ("_DB_NAME", AddressForm.Database),
    ];

    public static AddressForm Of(string envName)
    {
        if (envName == LibpqSetName)
        {
            return AddressForm.LibpqSet;
        }
        foreach (var (name, form) in WholeNames)
        {
            if (envName == name)
            {
                return form;
            }
        }
        foreach (var (suffix, form) in Suffixes)
        {
            if (envName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return form;
            }
        }
        return AddressForm.Url;
    }
}
