using System.Text;

namespace StackBlaze.Webhook.CommandLine.Reports;

/// <summary>
/// <c>--output-file</c>: the report written whole or not at all. It goes to a temporary file in
/// the same folder, then is moved over the path, so a CI step that reads it never sees half a
/// report, and a failure leaves nothing behind.
/// </summary>
internal static class ReportFile
{
    public static void Write(string path, Action<TextWriter> write)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write the report to {path}: {e.Message}", e);
        }
        finally
        {
            // Moved, it is gone already; otherwise nothing of the report is left.
            Remove(temporary);
        }
    }

    private static void Remove(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Its folder is missing or not writable: then the file was never made.
        }
    }
}
