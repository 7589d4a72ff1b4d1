namespace StackBlaze.Webhook.Core.Conventions;

/// <summary>The annotation keys StackBlaze reads and writes.</summary>
internal static class StackBlazeAnnotations
{
    /// <summary>On a pod or workload: the services it calls, <c>[ENV_NAME=]service[:port], ...</c>.</summary>
    public const string Links = "stackblaze.io/links";

    /// <summary>On a pod or workload: <c>"false"</c> opts out of injection.</summary>
    public const string Inject = "stackblaze.io/inject";

    /// <summary>
    /// Written on a pod: the names the webhook injected, its record of which variables are its own
    /// (refreshed from the links on every pass; the others are the containers').
    /// </summary>
    public const string InjectedEnv = "stackblaze.io/injected-env";

    /// <summary>On a pod or workload: the containers that get the variables, comma-separated; default every one.</summary>
    public const string Containers = "stackblaze.io/containers";

    /// <summary>On a pod or workload: <c>"true"</c> projects a Service Binding directory for each linked Service.</summary>
    public const string ServiceBindings = "stackblaze.io/service-bindings";

    /// <summary>On a Service: the variable name its links inject by default.</summary>
    public const string EnvName = "stackblaze.io/env-name";

    /// <summary>On a Service: a Secret with its credentials, keys <c>username</c> and <c>password</c> unless <see cref="CredentialsKeys"/> says otherwise.</summary>
    public const string CredentialsSecret = "stackblaze.io/credentials-secret";

    /// <summary>On a Service: <c>role=key</c> pairs naming the credentials Secret's keys, for the roles username, password and uri.</summary>
    public const string CredentialsKeys = "stackblaze.io/credentials-keys";

    /// <summary>On a Service: the database name, the path of its URL.</summary>
    public const string Database = "stackblaze.io/database";

    /// <summary>On a Service: its public URLs, comma-separated; calls to them from the project are refused.</summary>
    public const string PublicUrl = "stackblaze.io/public-url";

    /// <summary>On a pod or workload: variable names allowed to hold public URLs, comma-separated.</summary>
    public const string AllowPublicUrls = "stackblaze.io/allow-public-urls";
}
