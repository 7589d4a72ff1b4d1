namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>How a watch from a resourceVersion older than the retained history is refused; real API servers do both.</summary>
public enum GoneForm
{
    /// <summary>200, one ERROR event whose object is a Status with code 410, then the end of the stream.</summary>
    ErrorEvent,

    /// <summary>HTTP 410 with a Status body.</summary>
    HttpStatus,
}
