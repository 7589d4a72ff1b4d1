namespace StackBlaze.Webhook.Core.Explanation;

/// <summary>One reason something is not injected into an object, or is injected other than a reader may expect.</summary>
/// <param name="Code">What kind of reason, one of <see cref="ReasonCodes"/>.</param>
/// <param name="Message">The reason, for people.</param>
public sealed record ExplanationReason(string Code, string Message)
{
    /// <summary>The container it is about, if any.</summary>
    public string? Container { get; init; }

    /// <summary>The variable it is about, if any.</summary>
    public string? Variable { get; init; }

    /// <summary>The link entry it is about, as quoted, if any.</summary>
    public string? Link { get; init; }

    /// <summary>For an unknown Service, the Services the namespace has (the first few; the message counts the rest).</summary>
    public IReadOnlyList<string>? Services { get; init; }
}
