using StackBlaze.Webhook.CommandLine;
using StackBlaze.Webhook.Server;

namespace StackBlaze.Webhook.Tests.CommandLine;

/// <summary><c>serve</c>'s arguments read as the command line reads them, without starting anything.</summary>
internal static class ServeArguments
{
    /// <summary>The options the arguments give; the test fails if they are refused.</summary>
    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = Cli.Parse(["serve", .. args]);
        Cli.UsageError(parsed).Should().BeNull();
        return ((ServeCommand)parsed.CommandResult.Command).Read(parsed);
    }

    /// <summary>The one line the arguments are refused with; null when they are accepted.</summary>
    public static string? Refusal(IReadOnlyList<string> args) => Cli.UsageError(Cli.Parse(["serve", .. args]));
}
