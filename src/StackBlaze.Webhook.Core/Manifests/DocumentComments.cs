namespace StackBlaze.Webhook.Core.Manifests;

/// <summary>
/// The whole-line comments before a document's first line and after its last, which a document
/// written anew keeps: a file's header, a note on the object, a commented-out key at its end.
/// </summary>
internal static class DocumentComments
{
    /// <summary>
    /// <paramref name="written"/> (a <c>---</c> line, then the document) with the comments that
    /// stand before and after the content of <paramref name="original"/>.
    /// </summary>
    public static string Around(string original, string written)
    {
        var lines = original.Split('\n');
        var first = Array.FindIndex(lines, line => !IsFrameBefore(line));
        if (first < 0)
        {
            return written;
        }
        var last = Array.FindLastIndex(lines, line => !IsFrameAfter(line));
        var before = Comments(lines[..first]);
        var after = Comments(lines[(last + 1)..]);
        var marker = written.StartsWith("---\n", StringComparison.Ordinal) ? "---\n" : "";
        return marker + before + written[marker.Length..] + after;
    }

    // What stands before a document's content without being it: blank lines, comments, markers, directives.
    private static bool IsFrameBefore(string line)
    {
        var text = line.TrimStart();
        return string.IsNullOrWhiteSpace(text) || text[0] is '#' or '%' || IsMarker(text);
    }

    // After the content, only a comment at the line's start is one: an indented "#" may be the end of a block scalar.
    private static bool IsFrameAfter(string line) => string.IsNullOrWhiteSpace(line) || line[0] == '#' || IsMarker(line);

    private static bool IsMarker(string text) => text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal);

    private static string Comments(IEnumerable<string> lines) =>
        string.Concat(lines.Select(line => line.TrimEnd('\r')).Where(line => line.TrimStart().StartsWith('#')).Select(line => line.TrimStart() + "\n"));
}
