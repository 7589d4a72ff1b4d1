namespace StackBlaze.Webhook.Core.Catalog;

/// <summary>
/// How much of a project's ConfigMaps the catalog keeps. A ConfigMap may hold 1 MiB and a tenant
/// may make as many as they like; the catalog keeps only the addresses the public-URL policy reads,
/// and only this many, so that no tenant can fill a replica's memory (and, the webhook failing
/// closed, stop pod creation in every project).
/// </summary>
internal static class ConfigMapLimits
{
    /// <summary>
    /// Distinct addresses kept per value: a value that programs read addresses from names one, or a
    /// list of brokers or seeds (tens); 64 is more than any such list, and a file with more is not a
    /// variable a program calls through.
    /// </summary>
    public const int AddressesPerValue = 64;

    /// <summary>Bytes of addresses kept per value (UTF-16, as held): 64 addresses of 64 characters.</summary>
    public const int BytesPerValue = 8 * 1024;

    /// <summary>
    /// Bytes of keys and addresses kept per namespace: a project's configuration names tens of
    /// addresses, a few KiB; 256 KiB is 32 values filled to their limit. Whatever a project writes,
    /// the catalog holds at most a quarter of a MiB for it; the number of projects is the
    /// platform's to bound, not a tenant's.
    /// </summary>
    public const int BytesPerNamespace = 256 * 1024;
}
