using System.Diagnostics;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Runs a program to completion and keeps what it printed.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs <paramref name="fileName"/> for at most <paramref name="within"/> (2 minutes unless given);
    /// <paramref name="environment"/> sets variables, or removes those given as null, on top of the test's own.
    /// </summary>
    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string? stdin = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? within = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the <c>stackblaze-webhook</c> command, as a user would: the built one unless <paramref name="program"/> says otherwise.</summary>
    public static Task<Result> RunWebhookCommandAsync(
        IEnumerable<string> arguments, string? stdin = null, IReadOnlyDictionary<string, string?>? environment = null, WebhookProgram? program = null)
    {
        program ??= WebhookProgram.Built;
        return RunAsync(program.FileName, [.. program.LeadingArguments, .. arguments], stdin, environment: environment);
    }
}
