using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;

namespace StackBlaze.Webhook.Admission;

/// <summary>
/// JSON writers for answers, each rented for the scope that writes one answer and returned at its
/// end: a writer is the largest object an answer would otherwise make (docs/performance.md).
/// </summary>
internal static class AnswerWriters
{
    private static readonly ObjectPool<Utf8JsonWriter> Pool = new DefaultObjectPool<Utf8JsonWriter>(new Policy());

    /// <summary>A writer that writes to <paramref name="output"/> until it is returned.</summary>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        var writer = Pool.Get();
        writer.Reset(output);
        return writer;
    }

    public static void Return(Utf8JsonWriter writer) => Pool.Return(writer);

    private sealed class Policy : IPooledObjectPolicy<Utf8JsonWriter>
    {
        public Utf8JsonWriter Create() => new(NoOutput.Instance);

        // Back in the pool, a writer holds no answer's buffer, and no half-written state if one failed.
        public bool Return(Utf8JsonWriter writer)
        {
            writer.Reset(NoOutput.Instance);
            return true;
        }
    }

    /// <summary>Where a writer in the pool points: writing there is a bug, never a silent loss.</summary>
    private sealed class NoOutput : IBufferWriter<byte>
    {
        public static readonly NoOutput Instance = new();

        public void Advance(int count) => throw Misuse();

        public Memory<byte> GetMemory(int sizeHint = 0) => throw Misuse();

        public Span<byte> GetSpan(int sizeHint = 0) => throw Misuse();

        private static InvalidOperationException Misuse() => new("a JSON writer was used after it was returned to the pool");
    }
}
