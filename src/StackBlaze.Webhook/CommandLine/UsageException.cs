namespace StackBlaze.Webhook.CommandLine;

/// <summary>A command line that does not say what to do; exit 2 with its message.</summary>
internal sealed class UsageException(string message) : Exception(message);
