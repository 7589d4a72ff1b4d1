namespace StackBlaze.Webhook.Core.Policy;

/// <summary>What the public-URL policy does in a namespace, from its <c>stackblaze.io/public-url-policy</c> label.</summary>
public enum PolicyMode
{
    /// <summary>Findings deny the request; the default.</summary>
    Enforce,

    /// <summary>Findings become admission warnings.</summary>
    Warn,

    /// <summary>No check.</summary>
    Off,
}
