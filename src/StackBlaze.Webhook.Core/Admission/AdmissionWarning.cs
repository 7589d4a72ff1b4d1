using StackBlaze.Webhook.Core.Limits;

namespace StackBlaze.Webhook.Core.Admission;

/// <summary>Admission warnings, kept short enough that the API server passes them on whole.</summary>
public static class AdmissionWarning
{
    public static string Create(string text) => BoundedText.Truncate(text, ReviewLimits.MaxWarningLength);

    /// <summary>
    /// The warnings of one answer as the API server keeps them: each within its length, and no more
    /// of them than fit in the total, the last then saying how many were left out.
    /// </summary>
    public static IReadOnlyList<string> Bound(IReadOnlyList<string> warnings)
    {
        var total = 0;
        var allShort = true;
        foreach (var warning in warnings)
        {
            total += warning.Length;
            allShort &= warning.Length <= ReviewLimits.MaxWarningLength;
        }
        if (allShort && total <= ReviewLimits.MaxWarningsLength)
        {
            return warnings;
        }

        var kept = new List<string>();
        var room = ReviewLimits.MaxWarningsLength - LeftOutRoom;
        foreach (var warning in warnings)
        {
            var cut = Create(warning);
            if (cut.Length > room)
            {
                break;
            }
            kept.Add(cut);
            room -= cut.Length;
        }
        if (kept.Count < warnings.Count)
        {
            kept.Add($"and {warnings.Count - kept.Count} more warnings, left out");
        }
        return kept;
    }

    // What the closing count needs, kept free while the others are added.
    private const int LeftOutRoom = 64;
}
