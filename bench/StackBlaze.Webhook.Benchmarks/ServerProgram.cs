namespace StackBlaze.Webhook.Benchmarks;

/// <summary>A server to start: a native executable, or an IL build run by the dotnet host (the JIT).</summary>
/// <param name="Build">"native" or "jit", as the report names it.</param>
/// <param name="FileName">The program to start.</param>
/// <param name="LeadingArguments">What comes before the catalog path.</param>
internal sealed record ServerProgram(string Build, string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static ServerProgram Native(string executable) => new("native", executable, []);

    /// <summary>The bench server built beside the harness, on the JIT.</summary>
    public static ServerProgram JitBenchServer { get; } =
        new("jit", "dotnet", [Path.Combine(AppContext.BaseDirectory, "StackBlaze.Webhook.BenchServer.dll")]);
}
