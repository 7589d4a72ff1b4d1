namespace StackBlaze.Webhook.Core.Workloads;

/// <summary>A kind that is a pod or carries a pod template, and where that template stands.</summary>
/// <param name="Group">The API group, "" for the core group.</param>
/// <param name="Kind">The kind's name.</param>
/// <param name="TemplatePath">The fields leading to the pod template; empty for a Pod itself.</param>
internal sealed record PodKind(string Group, string Kind, IReadOnlyList<string> TemplatePath)
{
    public bool IsPod => TemplatePath.Count == 0;

    /// <summary>The template's JSON Pointer in the object: "" for a Pod.</summary>
    public string TemplatePointer { get; } = string.Concat(TemplatePath.Select(segment => "/" + segment));
}
