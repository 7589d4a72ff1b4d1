using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace StackBlaze.Webhook.Core.JsonWriting;

/// <summary>
/// A growable buffer and its JSON writer, for one thread to reuse: what is written on every
/// admission request would otherwise cost a fresh buffer grown to size, several times what it holds.
/// What <see cref="Written"/> returns is valid until the next <see cref="Start"/>, so it must be
/// used before the thread can run anything else (no await in between).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as its thread; the writer holds only managed memory.")]
public sealed class ReusableJsonBuffer
{
    /// <summary>
    /// What a thread keeps between answers: ordinary ones take a few KB, and a rare large one (a
    /// patch of a thousand variables) must not stay with every thread that once wrote it.
    /// </summary>
    private const int MaxKeptCapacity = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ReusableJsonBuffer() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>The buffer <paramref name="kept"/> holds, or a new one in its place when the last use grew it past what is kept.</summary>
    public static ReusableJsonBuffer Reuse(ref ReusableJsonBuffer? kept) =>
        kept is not null && kept._buffer.Capacity <= MaxKeptCapacity ? kept : kept = new ReusableJsonBuffer();

    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }

    public ReadOnlySpan<byte> Written
    {
        get
        {
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }
}
