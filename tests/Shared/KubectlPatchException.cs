namespace StackBlaze.Webhook.Tests.Support;

/// <summary>kubectl refused a patch, or printed nothing usable; the message is kubectl's own.</summary>
internal sealed class KubectlPatchException(string message) : Exception(message);
