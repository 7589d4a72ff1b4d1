using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace StackBlaze.Webhook.JsonWriting;

/// <summary>
/// A growable buffer and its JSON writer, for one thread to reuse: what is written on every
/// admission request would otherwise cost a fresh buffer grown to size, several times what it holds.
/// What <see cref="Written"/> returns is valid until the next <see cref="Start"/>, so it must be
/// used before the thread can run anything else (no await in between).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Lives as long as its thread; the writer holds only managed memory.")]
public sealed class ReusableJsonBuffer
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ReusableJsonBuffer() => _writer = new Utf8JsonWriter(_buffer);

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
