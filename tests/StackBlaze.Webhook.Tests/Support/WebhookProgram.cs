namespace StackBlaze.Webhook.Tests.Support;

/// <summary>How to start <c>stackblaze-webhook</c>: the build the tests run with, or a published native executable.</summary>
/// <param name="FileName">The program to start.</param>
/// <param name="LeadingArguments">What comes before the command's own arguments.</param>
internal sealed record WebhookProgram(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The build output next to the tests, run by the dotnet host.</summary>
    public static WebhookProgram Built { get; } = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "stackblaze-webhook.dll")]);

    public static WebhookProgram Native(string executable) => new(executable, []);
}
