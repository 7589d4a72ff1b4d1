namespace StackBlaze.Webhook.Core.Patches;

/// <summary>JSON arrays made of values already written, rather than each value written a second time.</summary>
internal static class JsonArrays
{
    /// <summary><c>[item,item,...]</c> of the items' UTF-8 JSON.</summary>
    public static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        var length = 2 + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Length;
        }
        var array = new byte[length];
        array[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                array[at++] = (byte)',';
            }
            items[i].Span.CopyTo(array.AsSpan(at));
            at += items[i].Length;
        }
        array[at] = (byte)']';
        return array;
    }
}
