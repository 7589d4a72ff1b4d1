using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;


namespace StackBlaze.Webhook.Admission;

/// <summary>
/// Whether every string and name in a JSON value is valid Unicode: UTF-8 without bad bytes, and
/// no escaped half of a surrogate pair. JSON can escape half a
/// surrogate pair (<c>\ud800</c>); the API server never sends one, and reading such a string
/// throws deep in the domain, so a review that holds one is malformed. The raw text is scanned
/// first without allocating; only a value with an escape in the surrogate range is walked.
/// </summary>
internal static class UnicodeText
{
    public static bool IsValid(JsonElement element)
    {
        // The parser leaves string contents unchecked until they are read: bad UTF-8 is found here too.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return Utf8.IsValid(raw) && ((raw.IndexOf("\\ud"u8) < 0 && raw.IndexOf("\\uD"u8) < 0) || Walk(element));
    }

    private static bool Walk(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        try
        {
            while (pending.TryPop(out var element))
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            _ = property.Name;
                            pending.Push(property.Value);
                        }
                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            pending.Push(item);
                        }
                        break;
                    case JsonValueKind.String:
                        _ = element.GetString();
                        break;
                }
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            // What System.Text.Json throws for a string that is not valid UTF-16.
            return false;
        }
    }
}
