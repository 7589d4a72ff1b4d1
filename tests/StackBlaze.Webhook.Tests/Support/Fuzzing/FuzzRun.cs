using System.Globalization;

namespace StackBlaze.Webhook.Tests.Support.Fuzzing;

/// <summary>
/// The hostile reviews one run sends: cases 0 to 9,999 of the fixed seed, or only the case that
/// <see cref="CaseVariable"/> names, so that a failure replays alone, the same bytes in any process.
/// </summary>
internal sealed record FuzzRun(int Seed, int From, int To)
{
    /// <summary>Fixed, not drawn per run: case N is the same review in CI, here and in the benchmark.</summary>
    public const int FixedSeed = 20_260_701;

    public const int AllCases = 10_000;

    public const string CaseVariable = "STACKBLAZE_FUZZ_CASE";

    public int Count => To - From;

    public bool IsWhole => Count == AllCases;

    public static FuzzRun FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(CaseVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var only)
            ? new(FixedSeed, only, only + 1)
            : new(FixedSeed, 0, AllCases);

    /// <summary>What a failure message says to send case <paramref name="case"/> of <paramref name="test"/> again, alone.</summary>
    public static string Replay(int @case, string test) =>
        $"replay it alone: dotnet test tests/StackBlaze.Webhook.Tests --filter \"FullyQualifiedName~{test}\" -e {CaseVariable}={@case}";
}
