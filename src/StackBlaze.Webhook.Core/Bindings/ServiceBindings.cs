using System.Text;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// The Service Bindings of a links annotation, one a Service (the first link to it chooses the
/// port), made once with its plan and kept with it: the annotations that hold the files and the
/// projected volumes, as every pod of the plan gets them. Only the mounts are each pod's own.
/// </summary>
internal sealed class ServiceBindings
{
    /// <summary>An operation's <c>op</c>, <c>path</c> and punctuation around what it adds, about.</summary>
    public const int OperationBytes = 40;

    private ServiceBindings(IReadOnlyList<ServiceBinding> bindings, IReadOnlyList<string> errors, long patchBytes)
    {
        Bindings = bindings;
        Errors = errors;
        PatchBytes = patchBytes;
        Files = [.. bindings.SelectMany(b => b.Files)];
        MountNameBytes = bindings.Sum(b => (long)b.Service.Length + b.VolumeName.Length);
        RetainedBytes = MeasureRetainedBytes();
    }

    /// <summary>No link, no binding.</summary>
    public static ServiceBindings None { get; } = new([], [], 0);

    /// <summary>One a Service, in the order of the links; none when invalid.</summary>
    public IReadOnlyList<ServiceBinding> Bindings { get; }

    /// <summary>Every binding's files, in order: the annotations a pod gets.</summary>
    public IReadOnlyList<BindingFile> Files { get; }

    /// <summary>Why the bindings cannot be projected; a pod that asks for them is then denied.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>What the annotations and the volumes add to a patch, about; the mounts come on top.</summary>
    public long PatchBytes { get; }

    /// <summary>The names of the Services and volumes, which each container's mounts hold once.</summary>
    public long MountNameBytes { get; }

    /// <summary>The most memory the bindings hold while kept with their plan.</summary>
    public long RetainedBytes { get; }

    /// <param name="links">The links, resolved, in order.</param>
    /// <param name="hosts">How the pods name a Service, as in the variables.</param>
    public static ServiceBindings From(IReadOnlyList<ResolvedLink> links, ServiceHosts hosts)
    {
        if (links.Count == 0)
        {
            return None;
        }
        var errors = new List<string>();
        var bindings = new List<ServiceBinding>();
        // One binding a Service: the links of one namespace name it by its name alone, a DNS label the grammar checked.
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links.Where(l => bound.Add(l.Service.Name)))
        {
            var binding = ServiceBinding.For(link, hosts);
            // Two long names whose first 35 characters and 32 bits of hash agree can be made on purpose: refused rather than sharing a volume.
            if (!volumes.Add(binding.VolumeName))
            {
                errors.Add($"link \"{link.Entry.Quoted}\": the Service's binding volume would be {binding.VolumeName}, as another link's is");
                continue;
            }
            bindings.Add(binding);
        }
        if (errors.Count > 0)
        {
            return new ServiceBindings([], errors, 0);
        }
        var patchBytes = bindings.Sum(Bytes);
        return patchBytes > ReviewLimits.MaxBindingBytes
            ? new ServiceBindings([], [$"the bindings of {bindings.Count} Services add about {patchBytes} bytes to a pod; at most {ReviewLimits.MaxBindingBytes} are added to one pod"], 0)
            : new ServiceBindings(bindings, [], patchBytes);
    }

    /// <summary>A binding's annotation operations (each key twice, in its path and its escaping, and its value) and its volume.</summary>
    private static long Bytes(ServiceBinding binding) =>
        OperationBytes + binding.VolumeJson.Length
        + binding.Files.Sum(f => OperationBytes + 2L * Encoding.UTF8.GetByteCount(f.AnnotationKey) + Encoding.UTF8.GetByteCount(f.Content));

    private long MeasureRetainedBytes()
    {
        // As LinkPlan counts: strings two bytes a char, each object with a generous header.
        const int objectBytes = 64;
        long bytes = 4 * objectBytes + 8L * Files.Count;
        foreach (var binding in Bindings)
        {
            bytes += 4 * objectBytes + 2L * (binding.Service.Length + binding.VolumeName.Length) + binding.VolumeJson.Length;
        }
        foreach (var file in Files)
        {
            bytes += 4 * objectBytes + 2L * (file.AnnotationKey.Length + file.Name.Length + file.Content.Length);
        }
        foreach (var error in Errors)
        {
            bytes += objectBytes + 2L * error.Length;
        }
        return bytes;
    }
}
