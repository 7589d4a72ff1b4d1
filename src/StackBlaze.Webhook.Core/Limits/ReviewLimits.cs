namespace StackBlaze.Webhook.Core.Limits;

/// <summary>
/// What one review may ask of the webhook. Both webhooks fail closed for every project, so a
/// review that costs a replica seconds or megabytes stops pod creation everywhere: each figure is
/// far above what a real project needs and far below what would hurt, and a review past one is
/// denied with a message that names it, before any work that grows with it.
/// </summary>
public static class ReviewLimits
{
    /// <summary>
    /// Link entries in one <c>stackblaze.io/links</c> annotation. A service that calls a hundred
    /// others is already far past any real app (Online Boutique's frontend calls seven).
    /// </summary>
    public const int MaxLinkEntries = 100;

    /// <summary>
    /// Characters in one links annotation: a hundred entries of the longest sensible form
    /// (<c>PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice:grpc</c>, 55) fit five times over.
    /// Beyond it the annotation is refused unread, and never becomes a cache key.
    /// </summary>
    public const int MaxLinksAnnotationLength = 16 * 1024;

    /// <summary>
    /// Container names in one <c>stackblaze.io/containers</c> annotation: a pod with a hundred
    /// containers is far past any real one, and every name is compared with every container.
    /// </summary>
    public const int MaxScopedContainers = 100;

    /// <summary>
    /// Characters in one containers annotation: a hundred names of the longest a name may be (63)
    /// with their commas and spaces fit. Beyond it the annotation is refused unread.
    /// </summary>
    public const int MaxContainersAnnotationLength = 8 * 1024;

    /// <summary>
    /// Variables injected into one pod, counted once per container that gets them: ten containers
    /// with a hundred variables each. Each is one patch operation the API server applies and
    /// stores in etcd.
    /// </summary>
    public const int MaxInjectedVariables = 1000;

    /// <summary>
    /// The JSON of every variable injected into one pod, all containers together: a few hundred
    /// bytes a variable at most for real names and URLs, and a quarter of the answer limit below.
    /// </summary>
    public const int MaxInjectedBytes = 256 * 1024;

    /// <summary>
    /// What the Service Bindings of one pod add to its patch: the files' annotations, the projected
    /// volume and a mount in each container. Half the 256 KiB of annotations the API server lets
    /// one object hold, the tenant's own among them; ten Services take about 10 KB, and with the
    /// variables' own limit the answer stays well under 1 MiB.
    /// </summary>
    public const int MaxBindingBytes = 128 * 1024;

    /// <summary>
    /// Public-URL calls a review keeps in full; the others are counted. A denial lists ten, and a
    /// pod that makes more than a hundred makes its point: twenty thousand would hold megabytes.
    /// </summary>
    public const int MaxFindingsKept = 100;

    /// <summary>Problems listed in one denial; the rest are counted ("and 12 more").</summary>
    public const int MaxProblemsListed = 10;

    /// <summary>Names listed in one message, such as a namespace's Services; the rest are counted.</summary>
    public const int MaxNamesListed = 20;

    /// <summary>Characters of a tenant's own text (a link entry, an env value) quoted in a message.</summary>
    public const int MaxQuotedLength = 120;

    /// <summary>
    /// Characters of a denial or of warnings in one log line: a JSON log line holds its text twice
    /// (the message and the field), and stays within a few KiB.
    /// </summary>
    public const int MaxLoggedLength = 1500;

    /// <summary>
    /// Characters of one warning written about a tenant's object: a long name makes it no longer,
    /// and the API server passes it on whole (it cuts one of 256 or more).
    /// </summary>
    public const int MaxWarningLength = 255;
}
