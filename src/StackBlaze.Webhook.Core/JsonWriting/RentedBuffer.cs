using System.Buffers;

namespace StackBlaze.Webhook.Core.JsonWriting;

/// <summary>
/// A growable buffer of bytes rented from the shared pool and given back when disposed: what is
/// written for every admission request would otherwise cost a fresh buffer grown to size, several
/// times what it holds. What it holds is valid until it is disposed, in the scope that made it.
/// </summary>
public sealed class RentedBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(4096);
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
        _array = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        if (_array.Length - _written >= Math.Max(sizeHint, 1))
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _written + Math.Max(sizeHint, 1)));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
