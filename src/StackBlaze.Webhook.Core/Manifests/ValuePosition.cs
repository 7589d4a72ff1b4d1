namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>Where a value is written in its file.</summary>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Column">Its first character's column, from 1 (a quoted value's opening quote).</param>
public sealed record ValuePosition(int Line, int Column);
