namespace StackBlaze.Webhook.Admission;

/// <summary>Admission warnings, kept short enough that the API server passes them on whole.</summary>
public static class AdmissionWarning
{
    /// <summary>The API server may truncate warnings of 256 characters or more.</summary>
    public const int MaxLength = 255;

    public static string Create(string text) =>
        text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
}
