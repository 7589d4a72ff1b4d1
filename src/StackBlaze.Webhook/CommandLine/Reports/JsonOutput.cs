using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>The JSON reports' writer: indented, and escaped only where JSON needs it, as programs and people read them, never HTML.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>A string member, left out when there is no value.</summary>
    public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
