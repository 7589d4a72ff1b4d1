using System.Buffers;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// Bytes in a buffer rented from the shared pool, grown as they are written and given back when
/// disposed: a request's body, or its answer, each for the scope that reads or writes it.
/// </summary>
internal sealed class PooledBuffer(int firstBytes = PooledBuffer.FirstBytes) : IBufferWriter<byte>, IDisposable
{
    private const int FirstBytes = 16 * 1024;
    private const int MaxPooledBytes = 256 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(firstBytes);
    private int _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>A request's body, read whole.</summary>
    /// <exception cref="BadHttpRequestException">Kestrel's verdict on the body, such as 413 past the size limit.</exception>
    public static async Task<PooledBuffer> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Content-Length only sizes the first buffer, and never past the limit Kestrel enforces as it reads.
        var body = new PooledBuffer(request.ContentLength is > 0 and var length ? (int)Math.Min(length, WebhookServer.MaxRequestBodyBytes) : FirstBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.GetMemory(), cancellationToken)) > 0)
            {
                body.Advance(read);
            }
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_buffer.Length - _length < Math.Max(sizeHint, 1))
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + sizeHint));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            GiveBack(_buffer);
            _buffer = larger;
        }
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Dispose() => GiveBack(Interlocked.Exchange(ref _buffer, []));

    // The shared pool keeps what it is given, per thread and per core: a few MiB bodies kept there
    // would stay on the heap for good. Those are left to the collector; ordinary ones are reused.
    private static void GiveBack(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBytes)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
