using System.Text;
using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// What one command may still read, shared by its <c>-f</c> and <c>--catalog</c> paths: bytes are
/// counted before they are decoded, objects and values before they are built.
/// </summary>
public sealed class ReadBudget
{
    // Strict, so that invalid UTF-8 is refused as go-yaml refuses it, not read as U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private long bytes;
    private int objects;
    private long values;

    /// <summary>The text of a file, read up to the limits and refused beyond them.</summary>
    public string ReadFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var allowed = Allowed(path);
        var content = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, allowed + 1 - content.Length))) > 0)
        {
            content.Write(buffer, 0, read);
            if (content.Length > allowed)
            {
                throw TooLarge(path);
            }
        }
        bytes += content.Length;
        return Decode(content.GetBuffer().AsSpan(0, (int)content.Length), path);
    }

    /// <summary>The text of a reader (standard input), read up to the limits and refused beyond them.</summary>
    public string ReadText(TextReader reader, string source)
    {
        var allowed = Allowed(source);
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int read;
        try
        {
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                // A character is a byte at least, so counting characters never lets more bytes through.
                if (text.Length + read > allowed)
                {
                    throw TooLarge(source);
                }
                text.Append(buffer, 0, read);
            }
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(source);
        }
        bytes += text.Length;
        return text.ToString();
    }

    /// <summary>Counts <paramref name="count"/> more objects; false past <see cref="ManifestLimits.MaxObjects"/>.</summary>
    public bool TakeObjects(int count)
    {
        objects += count;
        return objects <= ManifestLimits.MaxObjects;
    }

    /// <summary>Counts <paramref name="count"/> more values; false past <see cref="ManifestLimits.MaxValues"/>.</summary>
    public bool TakeValues(long count)
    {
        values += count;
        return values <= ManifestLimits.MaxValues;
    }

    /// <summary>
    /// Counts one object of <paramref name="size"/> bytes read from elsewhere than a file (a cluster's
    /// API server), with the files' limits of objects and bytes in all, and refuses it beyond them.
    /// </summary>
    public void TakeObject(string source, long size)
    {
        bytes += size;
        if (!TakeObjects(1) || bytes > ManifestLimits.MaxTotalBytes)
        {
            throw new ManifestException(
                $"{source}: not read: more than {ManifestLimits.MaxObjects} objects or {ManifestLimits.MaxTotalBytes / (1024 * 1024)} MiB to check in all");
        }
    }

    private long Allowed(string source)
    {
        var left = ManifestLimits.MaxTotalBytes - bytes;
        return left > 0
            ? Math.Min(ManifestLimits.MaxFileBytes, left)
            : throw new ManifestException($"{source}: not read: the manifests already read reach {ManifestLimits.MaxTotalBytes / (1024 * 1024)} MiB");
    }

    private static ManifestException TooLarge(string source) => new(
        $"{source}: not read: more than {ManifestLimits.MaxFileBytes / (1024 * 1024)} MiB in one file, or {ManifestLimits.MaxTotalBytes / (1024 * 1024)} MiB in all");

    private static ManifestException NotUtf8(string source) => new($"{source}: not read: not UTF-8 text");

    private static string Decode(ReadOnlySpan<byte> content, string source)
    {
        var utf8ByteOrderMark = "\uFEFF"u8;
        try
        {
            return StrictUtf8.GetString(content.StartsWith(utf8ByteOrderMark) ? content[utf8ByteOrderMark.Length..] : content);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(source);
        }
    }
}
