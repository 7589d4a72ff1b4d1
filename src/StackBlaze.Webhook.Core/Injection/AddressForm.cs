namespace StackBlaze.Webhook.Core.Injection;

/// <summary>How a variable spells a service's address; the end of its name chooses.</summary>
internal enum AddressForm
{
    /// <summary><c>scheme://service.internal:port[/database]</c>, with credentials when the Service has them.</summary>
    Url,

    /// <summary><c>service.internal:port</c>, for names ending in <c>_ADDR</c>, <c>_ADDRESS</c> or <c>_HOSTPORT</c>.</summary>
    HostPort,

    /// <summary><c>service.internal</c>, for names ending in <c>_HOST</c> or <c>_HOSTNAME</c>.</summary>
    Host,

    /// <summary>The port number, for names ending in <c>_PORT</c>.</summary>
    Port,
}
