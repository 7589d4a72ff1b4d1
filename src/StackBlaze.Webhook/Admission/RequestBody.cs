using System.Buffers;
using StackBlaze.Webhook.Server;


namespace StackBlaze.Webhook.Admission;

/// <summary>A request's body, read whole into a pooled buffer that goes back when disposed.</summary>
internal sealed class RequestBody : IDisposable
{
    private const int FirstBufferBytes = 16 * 1024;

    private byte[] _buffer;
    private int _length;

    private RequestBody(byte[] buffer)
    {
        _buffer = buffer;
    }

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    /// <exception cref="BadHttpRequestException">Kestrel's verdict on the body, such as 413 past the size limit.</exception>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Content-Length only sizes the first buffer, and never past the limit Kestrel enforces as it reads.
        var expected = request.ContentLength is > 0 and var length ? (int)Math.Min(length, WebhookServer.MaxRequestBodyBytes) : FirstBufferBytes;
        var body = new RequestBody(ArrayPool<byte>.Shared.Rent(expected));
        try
        {
            while (true)
            {
                if (body._length == body._buffer.Length)
                {
                    body.Grow();
                }
                var read = await request.Body.ReadAsync(body._buffer.AsMemory(body._length), cancellationToken);
                if (read == 0)
                {
                    return body;
                }
                body._length += read;
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(Interlocked.Exchange(ref _buffer, []));

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
