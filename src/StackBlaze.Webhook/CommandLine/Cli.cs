using StackBlaze.Webhook.Core.Manifests;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.CommandLine;

/// <summary>The <c>stackblaze-webhook</c> command: one line per failure, and exit codes scripts can rely on.</summary>
internal static class Cli
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    /// <summary>Where objects that name no namespace belong, as with kubectl.</summary>
    public const string DefaultNamespace = "default";

    private static readonly string Help = $"""
        stackblaze-webhook: links between project services become .internal environment variables.

        usage:
          {ServeCommand.Usage}
          {InjectCommand.Usage}
          {CheckCommand.Usage}
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var exitCode = await RunCommandAsync(args, stdin, stdout, stderr);
            // Output is buffered: a reader that went away is found here, and is an error, not a success.
            await stdout.FlushAsync();
            return exitCode;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"stackblaze-webhook: {e.Message}\n\n{Help}");
            return ExitUsage;
        }
        catch (Exception e) when (e is ManifestException or StartupException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"stackblaze-webhook: {OneLine(e.Message)}");
            return ExitUsage;
        }
    }

    private static async Task<int> RunCommandAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        switch (args.Count > 0 ? args[0] : null)
        {
            case "serve":
                return await ServeCommand.RunAsync(args.Skip(1).ToArray());
            case "inject":
                return InjectCommand.Run(args.Skip(1).ToArray(), stdin, stdout, stderr);
            case "check":
                return CheckCommand.Run(args.Skip(1).ToArray(), stdin, stdout, stderr);
            case "help" or "--help" or "-h":
                await stdout.WriteLineAsync(Help);
                return ExitOk;
            default:
                throw new UsageException(args.Count == 0 ? "no command given" : $"unknown command \"{args[0]}\"");
        }
    }

    // A failure is one line on stderr, whatever the message it carries.
    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
