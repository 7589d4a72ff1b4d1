namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// Where the Service Bindings of a pod stand: one directory a Service below the root, its files
/// held in the pod's annotations and projected with the credentials Secret's keys into a volume of its own.
/// </summary>
internal static class BindingLayout
{
    /// <summary>The variable the Service Binding specification reads the root from.</summary>
    public const string RootVariable = "SERVICE_BINDING_ROOT";

    /// <summary>Where the bindings go in a container that does not set <see cref="RootVariable"/> itself.</summary>
    public const string DefaultRoot = "/bindings";

    /// <summary>The <c>provider</c> file of every binding.</summary>
    public const string Provider = "stackblaze";

    /// <summary>What follows the Service's name in the key of each file's annotation, before the file's name.</summary>
    public const string AnnotationInfix = ".bindings.stackblaze.io/";

    /// <summary>The annotation that holds a Service's file: <c>&lt;service&gt;.bindings.stackblaze.io/&lt;file&gt;</c>.</summary>
    public static string AnnotationKey(string service, string file) => service + AnnotationInfix + file;

    /// <summary>Whether the annotation is one the webhook writes for a binding's file.</summary>
    public static bool IsFileAnnotation(string key) => key.Contains(AnnotationInfix, StringComparison.Ordinal);
}
