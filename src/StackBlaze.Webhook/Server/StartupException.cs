namespace StackBlaze.Webhook.Server;

/// <summary>Configuration that stops the server from starting; its message is the one line the user sees.</summary>
internal sealed class StartupException(string message) : Exception(message);
