namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>Input that cannot be read as manifests; the message names the file and line.</summary>
public sealed class ManifestException(string message, Exception? inner = null) : Exception(message, inner);
