using System.Text;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// A line of text output made safe for a terminal: a tenant's names and values may hold line breaks, which
/// would forge lines of the report, or escape sequences (ESC [), which would colour or clear the reader's terminal.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="line"/> with each control character written as its C# escape (<c>\n</c>, <c>\u001b</c>).</summary>
    public static string Printable(string line)
    {
        if (!line.Any(char.IsControl))
        {
            return line;
        }
        var printable = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            printable.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return printable.ToString();
    }
}
