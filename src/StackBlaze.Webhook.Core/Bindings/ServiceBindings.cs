using System.Buffers;
using System.Text;
using System.Text.Json;
using StackBlaze.Webhook.Core.Conventions;
using StackBlaze.Webhook.Core.Limits;
using StackBlaze.Webhook.Core.Objects;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// The Service Bindings of a links annotation, one a Service (the first link to it chooses the
/// port), made once with its plan and kept with it: the annotations that hold the files and the
/// projected volume, as every pod of the plan gets them. Only the mounts are each pod's own.
/// </summary>
internal sealed class ServiceBindings
{
    // Kubernetes' default mode of a projected volume (0644), written so that a stored pod reads back as written.
    private const int DefaultMode = 420;

    // An operation's "op", "path" and punctuation around what it adds, about.
    private const int OperationBytes = 40;

    private ServiceBindings(IReadOnlyList<ServiceBinding> bindings, IReadOnlyList<string> errors, byte[] volumeJson, long patchBytes)
    {
        Bindings = bindings;
        Errors = errors;
        VolumeJson = volumeJson;
        PatchBytes = patchBytes;
        Files = [.. bindings.SelectMany(b => b.Files)];
        RetainedBytes = MeasureRetainedBytes();
    }

    /// <summary>No link, no binding.</summary>
    public static ServiceBindings None { get; } = new([], [], [], 0);

    /// <summary>One a Service, in the order of the links.</summary>
    public IReadOnlyList<ServiceBinding> Bindings { get; }

    /// <summary>Every binding's files, in order: the annotations a pod gets.</summary>
    public IReadOnlyList<BindingFile> Files { get; }

    /// <summary>Why the bindings cannot be projected; a pod that asks for them is then denied.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The projected volume, as it goes into <c>spec.volumes</c>; empty when invalid.</summary>
    public ReadOnlyMemory<byte> VolumeJson { get; }

    /// <summary>What the annotations and the volume add to a patch, about; the mounts come on top.</summary>
    public long PatchBytes { get; }

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
        // One binding a Service: the links of one namespace name it by its name alone.
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in links.Where(l => bound.Add(l.Service.Name)))
        {
            if (!KubernetesNames.IsDnsLabel(link.Service.Name))
            {
                errors.Add($"link \"{link.Entry.Quoted}\": the Service's name is not a DNS label, so it cannot name a binding's annotations");
                continue;
            }
            bindings.Add(ServiceBinding.For(link, hosts));
        }
        if (errors.Count > 0)
        {
            return new ServiceBindings(bindings, errors, [], 0);
        }
        // The volume's names are bounded (Services' 63, Secret keys' 253), unlike a Service's database name: counted once written.
        var volume = WriteVolume(bindings);
        var patchBytes = AnnotationBytes(bindings) + OperationBytes + volume.Length;
        return patchBytes > ReviewLimits.MaxBindingBytes
            ? new ServiceBindings(bindings, [$"the bindings of {bindings.Count} Services add about {patchBytes} bytes to a pod; at most {ReviewLimits.MaxBindingBytes} are added to one pod"], [], 0)
            : new ServiceBindings(bindings, [], volume, patchBytes);
    }

    /// <summary>The annotations' operations: each key twice, in its path and its escaping, and its value.</summary>
    private static long AnnotationBytes(List<ServiceBinding> bindings)
    {
        long bytes = 0;
        foreach (var file in bindings.SelectMany(b => b.Files))
        {
            bytes += OperationBytes + 2L * Encoding.UTF8.GetByteCount(file.AnnotationKey) + Encoding.UTF8.GetByteCount(file.Content);
        }
        return bytes;
    }

    private static byte[] WriteVolume(List<ServiceBinding> bindings)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", BindingLayout.VolumeName);
            writer.WriteStartObject("projected");
            writer.WriteNumber("defaultMode", DefaultMode);
            writer.WriteStartArray("sources");
            writer.WriteStartObject();
            writer.WriteStartObject("downwardAPI");
            writer.WriteStartArray("items");
            foreach (var file in bindings.SelectMany(b => b.Files))
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Path);
                writer.WriteStartObject("fieldRef");
                // The API server's default, written so that a stored pod reads back as written.
                writer.WriteString("apiVersion", "v1");
                writer.WriteString("fieldPath", $"metadata.annotations['{file.AnnotationKey}']");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            foreach (var binding in bindings.Where(b => b.Credentials is not null))
            {
                WriteSecret(writer, binding.Service, binding.Credentials!);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    // The keys credentials-keys names; the Secret itself is the kubelet's to read.
    private static void WriteSecret(Utf8JsonWriter writer, string service, Credentials credentials)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("secret");
        writer.WriteString("name", credentials.Secret);
        writer.WriteStartArray("items");
        foreach (var (key, file) in new[] { (credentials.UsernameKey, ServiceBinding.UsernameFile), (credentials.PasswordKey, ServiceBinding.PasswordFile) })
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("path", $"{service}/{file}");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private long MeasureRetainedBytes()
    {
        // As LinkPlan counts: strings two bytes a char, each object with a generous header.
        const int objectBytes = 64;
        long bytes = 4 * objectBytes + VolumeJson.Length + 8L * Files.Count;
        foreach (var binding in Bindings)
        {
            bytes += 3 * objectBytes + 2L * binding.Service.Length;
        }
        foreach (var file in Files)
        {
            bytes += 4 * objectBytes + 2L * (file.AnnotationKey.Length + file.Path.Length + file.Content.Length);
        }
        foreach (var error in Errors)
        {
            bytes += objectBytes + 2L * error.Length;
        }
        return bytes;
    }
}
