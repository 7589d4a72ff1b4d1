namespace StackBlaze.Webhook.Injection;

/// <summary>What a links annotation injects, in order, or every reason it cannot.</summary>
public sealed record LinkPlan(IReadOnlyList<InjectedVariable> Variables, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
