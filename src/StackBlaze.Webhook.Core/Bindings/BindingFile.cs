namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>One file of a Service's binding directory, held in an annotation of the pod.</summary>
/// <param name="AnnotationKey">The annotation that holds it, which the Downward API projects.</param>
/// <param name="Path">Its path below the root: <c>&lt;service&gt;/&lt;file&gt;</c>.</param>
/// <param name="Content">What the file holds.</param>
internal sealed record BindingFile(string AnnotationKey, string Path, string Content)
{
    public static BindingFile Of(string service, string file, string content) =>
        new(BindingLayout.AnnotationKey(service, file), $"{service}/{file}", content);
}
