namespace StackBlaze.Webhook.Core.Injection;

/// <summary>Reads the address form from a variable's name, as apps moved onto StackBlaze already name them.</summary>
internal static class AddressForms
{
    private static readonly (string Suffix, AddressForm Form)[] Suffixes =
    [
        ("_ADDR", AddressForm.HostPort),
        ("_ADDRESS", AddressForm.HostPort),
        ("_HOSTPORT", AddressForm.HostPort),
        ("_HOST", AddressForm.Host),
        ("_HOSTNAME", AddressForm.Host),
        ("_PORT", AddressForm.Port),
    ];

    public static AddressForm Of(string envName)
    {
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
