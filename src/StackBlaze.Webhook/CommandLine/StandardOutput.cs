using System.IO.Pipes;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>
/// Standard output that says when it cannot be written: .NET's console stream ignores a broken
/// pipe, so <c>inject | head -c1</c> would exit 0 with its output cut. A pipe is written as a
/// pipe stream, which reports it; anything else through the console stream, which writes at the
/// descriptor's shared offset (a FileStream would write at its own, over what the shell wrote
/// after it). Every failure becomes an <see cref="IOException"/> that says so.
/// </summary>
internal sealed class StandardOutput : TextWriter
{
    private readonly TextWriter inner;

    private StandardOutput(TextWriter inner) => this.inner = inner;

    public override Encoding Encoding => inner.Encoding;

    public static TextWriter Open()
    {
        Stream stream;
        try
        {
            stream = new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(1, ownsHandle: false));
        }
        catch (IOException)
        {
            // Not a pipe: a file, a terminal, or closed (then the first write fails).
            stream = Console.OpenStandardOutput();
        }
        return new StandardOutput(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
    }

    public override void Write(char value) => Guard(writer => writer.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(writer => writer.Write(buffer, index, count));

    public override void Write(string? value) => Guard(writer => writer.Write(value));

    public override void Flush() => Guard(writer => writer.Flush());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Guard(Action<TextWriter> write)
    {
        try
        {
            write(inner);
        }
        catch (IOException e)
        {
            throw new IOException($"cannot write to standard output: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            // What .NET makes of EBADF: the descriptor was closed before the program started.
            throw new IOException("cannot write to standard output: it is closed or not writable", e);
        }
    }
}
