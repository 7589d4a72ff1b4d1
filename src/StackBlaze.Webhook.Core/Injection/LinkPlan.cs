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

    public bool IsValid => Errors.Count == 0;

    /// <summary>The names of its variables, in order.</summary>
    public IReadOnlyList<string> Names => _names ??= [.. Variables.Select(v => v.Name)];

    /// <summary>The names joined with commas, as the injected-env annotation holds them.</summary>
    public string JoinedNames => _joinedNames ??= string.Join(',', Names);

    /// <summary>Every variable as one JSON array, for a container without env of its own.</summary>
    public ReadOnlyMemory<byte> EnvArrayJson() => _envArrayJson ??= InjectedVariable.EnvArrayJson(Variables);
}
