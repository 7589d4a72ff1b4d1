namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>A variable a container gets: its value, or the Secret key it refers to (a Secret's value is never read).</summary>
/// <param name="Name">The variable.</param>
/// <param name="Value">Its value, when it is not a Secret reference.</param>
/// <param name="SecretName">The Secret it refers to, for credentials.</param>
/// <param name="SecretKey">The Secret's key.</param>
/// <param name="Link">The link entry it comes from, as quoted.</param>
public sealed record ExplainedVariable(string Name, string? Value, string? SecretName, string? SecretKey, string Link);
