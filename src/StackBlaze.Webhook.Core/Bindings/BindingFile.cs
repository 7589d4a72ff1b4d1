namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>One file of a Service's binding directory, held in an annotation of the pod.</summary>
/// <param name="AnnotationKey">The annotation that holds it, which the Downward API projects.</param>
/// <param name="Name">The file's name in the binding's directory.</param>
/// <param name="Content">What the file holds.</param>
internal sealed record BindingFile(string AnnotationKey, string Name, string Content)
{
    public static BindingFile Of(string service, string file, string content) =>
        new(BindingLayout.AnnotationKey(service, file), file, content);
}
