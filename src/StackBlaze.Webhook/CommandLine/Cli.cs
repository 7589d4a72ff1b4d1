using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using StackBlaze.Webhook.Cluster;
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

    private const string Name = "stackblaze-webhook";

    // "@file" is a path like any other, not a file of more arguments; "-fn" is not "-f -n".
    private static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    /// <summary>The command line read against every command; <paramref name="stdin"/> is what <c>-f -</c> reads.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args, TextReader? stdin = null)
    {
        // Named, not RootCommand's executable name: the help reads the same under dotnet and native.
        var root = new Command(Name, "Links between project services become .internal environment variables.")
        {
            new HelpOption(), new ServeCommand(), new InjectCommand(stdin ?? TextReader.Null), new CheckCommand(stdin ?? TextReader.Null),
            new ExplainCommand(stdin ?? TextReader.Null), new NetworkPoliciesCommand(stdin ?? TextReader.Null),
        };
        var about = new Argument<string?>("COMMAND") { Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "Show the help of every command, or of one.") { about };
        help.SetAction(parsed => root.Parse([.. parsed.GetValue(about) is { } command ? [command] : Array.Empty<string>(), "--help"])
            .Invoke(parsed.InvocationConfiguration));
        root.Subcommands.Add(help);
        // The assembly's informational version: VERSION+COMMIT as deploy/release.sh stamps it.
        root.Options.Add(new VersionOption());
        return root.Parse(args, Parsing);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Parse(args, stdin);
        if (UsageError(parsed) is { } error)
        {
            await stderr.WriteLineAsync($"{Name}: {error}\n");
            // The help of the command meant, not of every command.
            var command = parsed.CommandResult.Command;
            string[] askHelp = command == parsed.RootCommandResult.Command ? ["--help"] : [command.Name, "--help"];
            await Parse(askHelp).InvokeAsync(new InvocationConfiguration { Output = stderr });
            return ExitUsage;
        }
        try
        {
            // The host stops the server on SIGTERM itself, after its shutdown delay: no timeout of the parser's.
            var exitCode = await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            });
            // Output is buffered: a reader that went away is found here, and is an error, not a success.
            await stdout.FlushAsync();
            return exitCode;
        }
        catch (Exception e) when (e is ManifestException or StartupException or ClusterException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{Name}: {OneLine(e.Message)}");
            return ExitUsage;
        }
    }

    /// <summary>Why the command line is refused, in one line; null when it is not.</summary>
    public static string? UsageError(ParseResult parsed)
    {
        // An option the command does not know is refused even where a list would take it as a value
        // (-f a.yaml --nope); "-" alone is standard input, "-1" a number.
        var unknown = parsed.UnmatchedTokens is [var unmatched, ..] ? unmatched
            : parsed.Tokens.FirstOrDefault(token => token.Type == TokenType.Argument && token.Value is ['-', var next, ..] && !char.IsAsciiDigit(next))?.Value;
        return unknown is not null
            ? parsed.CommandResult.Command == parsed.RootCommandResult.Command ? $"unknown command \"{unknown}\"" : $"unknown argument \"{unknown}\""
            : parsed.Errors.Count == 0 ? null
            : parsed.Tokens.Count == 0 ? "no command given"
            : parsed.Errors[0].Message;
    }

    /// <summary>An option as its command's help shows it: the name of its value, and what it is for.</summary>
    public static Option<T> Described<T>(string name, string valueName, string description, params string[] aliases) =>
        new(name, aliases) { HelpName = valueName, Description = description };

    /// <summary><c>-n</c>, which every command reads.</summary>
    public static Option<string> NamespaceOption() =>
        new("--namespace", "-n") { HelpName = "NAMESPACE", Description = "The namespace of objects that name none.", DefaultValueFactory = _ => DefaultNamespace };

    // A failure is one line on stderr, whatever the message it carries.
    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
