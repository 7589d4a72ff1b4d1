using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackBlaze.Webhook.Core.Resolution;

namespace StackBlaze.Webhook.Core.Bindings;

/// <summary>
/// The projected volume of one binding, mounted at <c>$SERVICE_BINDING_ROOT/&lt;service&gt;</c>: the
/// specification's layout, one mount a binding, so that the kubelet's <c>..data</c> entries stay
/// inside each binding's directory, where readers skip them, and never at the root, where
/// kube-service-bindings stops at the first entry without a <c>type</c>.
/// </summary>
internal static class BindingVolume
{
    /// <summary>What every binding volume's name starts with; a pod's own volume of such a name is taken as the webhook's.</summary>
    public const string NamePrefix = "stackblaze-binding-";

    // A volume name is a DNS label: the prefix, as much of the Service's name as fits, and a hash that keeps two long names apart.
    private const int MaxNameLength = 63;
    private const int HashLength = 8;

    // Kubernetes' default mode of a projected volume (0644), written so that a stored pod reads back as written.
    private const int DefaultMode = 420;

    /// <summary><c>stackblaze-binding-&lt;service&gt;</c>; for a Service name over 44 characters, its first 35 and 8 hex digits of its SHA-256.</summary>
    public static string NameOf(string service)
    {
        var name = NamePrefix + service;
        if (name.Length <= MaxNameLength)
        {
            return name;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(service)))[..HashLength];
        return $"{name[..(MaxNameLength - HashLength - 1)]}-{hash}";
    }

    /// <summary>Whether a volume, or the volume a mount names, is a binding's.</summary>
    public static bool IsBindingVolume(string name) => name.StartsWith(NamePrefix, StringComparison.Ordinal);

    /// <summary>The volume as it goes into <c>spec.volumes</c>: the files from the annotations, then the credentials from their Secret.</summary>
    public static byte[] Write(string volumeName, IReadOnlyList<BindingFile> files, Credentials? credentials)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", volumeName);
            writer.WriteStartObject("projected");
            writer.WriteNumber("defaultMode", DefaultMode);
            writer.WriteStartArray("sources");
            writer.WriteStartObject();
            writer.WriteStartObject("downwardAPI");
            writer.WriteStartArray("items");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("path", file.Name);
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
            if (credentials is not null)
            {
                WriteSecret(writer, credentials);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    // The keys credentials-keys names; the Secret itself is the kubelet's to read.
    private static void WriteSecret(Utf8JsonWriter writer, Credentials credentials)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("secret");
        writer.WriteString("name", credentials.Secret);
        writer.WriteStartArray("items");
        foreach (var (key, file) in new[] { (credentials.UsernameKey, ServiceBinding.UsernameFile), (credentials.PasswordKey, ServiceBinding.PasswordFile) })
        {
            writer.WriteStartObject();
            writer.WriteString("key", key);
            writer.WriteString("path", file);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
