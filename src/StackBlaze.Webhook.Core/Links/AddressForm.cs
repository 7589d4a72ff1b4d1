namespace StackBlaze.Webhook.Core.Links;

/// <summary>What a variable holds of a linked Service; the variable's name chooses (<see cref="AddressForms"/>).</summary>
internal enum AddressForm
{
    /// <summary>
    /// <c>scheme://service.internal:port[/database]</c>, with credentials when the Service has them;
    /// or the Secret's own URI when the Service's credentials name one.
    /// </summary>
    Url,

    /// <summary><c>service.internal:port</c>, for names ending in <c>_ADDR</c>, <c>_ADDRESS</c> or <c>_HOSTPORT</c>.</summary>
    HostPort,

    /// <summary><c>service.internal</c>, for names ending in <c>_HOST</c> or <c>_HOSTNAME</c>, and <c>PGHOST</c>.</summary>
    Host,

    /// <summary>The port number, for names ending in <c>_PORT</c>, and <c>PGPORT</c>.</summary>
    Port,

    /// <summary>A reference to the Secret's username, for names ending in <c>_USER</c> or <c>_USERNAME</c>, and <c>PGUSER</c>.</summary>
    Username,

    /// <summary>A reference to the Secret's password, for names ending in <c>_PASSWORD</c>, and <c>PGPASSWORD</c>.</summary>
    Password,

    /// <summary>The database name, for names ending in <c>_DATABASE</c>, <c>_DBNAME</c> or <c>_DB_NAME</c>, and <c>PGDATABASE</c>.</summary>
    Database,

    /// <summary>libpq's variables, <c>PGHOST</c> to <c>PGPASSWORD</c>, from the one entry <c>PG*=service</c>.</summary>
    LibpqSet,
}
