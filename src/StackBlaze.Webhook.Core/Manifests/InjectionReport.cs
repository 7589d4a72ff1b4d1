namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>The offline injection of a set of manifests.</summary>
/// <param name="Yaml">The manifests with injections applied, when there were no errors.</param>
/// <param name="Warnings">One line per warning, with file, line and object.</param>
/// <param name="Errors">One line per object whose links failed, with file, line and object.</param>
public sealed record InjectionReport(string Yaml, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);
