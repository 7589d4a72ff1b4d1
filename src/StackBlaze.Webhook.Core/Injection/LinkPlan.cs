using System.Text;

namespace StackBlaze.Webhook.Injection;

/// <summary>
/// What a links annotation injects, in order, or every reason it cannot. Plans are kept across
/// requests, and most pods get every variable: what those pods' patches need is made once, here.
/// </summary>
public sealed record LinkPlan(IReadOnlyList<InjectedVariable> Variables, IReadOnlyList<string> Errors)
{
    private string[]? _names;
    private string? _joinedNames;
    private byte[]? _envArrayJson;
    private string[]? _envNames;
    private byte[][]? _envNamesUtf8;

    public bool IsValid => Errors.Count == 0;

    /// <summary>The names of its variables, in order.</summary>
    public IReadOnlyList<string> Names => _names ??= [.. Variables.Select(v => v.Name)];

    /// <summary>The names joined with commas, as the injected-env annotation holds them.</summary>
    public string JoinedNames => _joinedNames ??= string.Join(',', Names);

    /// <summary>
    /// The names a container's own env is searched for: its variables' and those they refer to.
    /// </summary>
    public IReadOnlyList<string> EnvNames => _envNames ??= [.. Names.Concat(Variables.SelectMany(v => v.References)).Distinct(StringComparer.Ordinal)];

    /// <summary><see cref="EnvNames"/> as UTF-8, as the request's JSON holds them.</summary>
    public IReadOnlyList<byte[]> EnvNamesUtf8 => _envNamesUtf8 ??= [.. EnvNames.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Every variable as one JSON array, for a container without env of its own.</summary>
    public ReadOnlyMemory<byte> EnvArrayJson() => _envArrayJson ??= InjectedVariable.EnvArrayJson(Variables);
}
