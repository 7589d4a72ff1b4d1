namespace StackBlaze.Webhook.Tests.Support.FakeApiServer;

/// <summary>How the fake API server is down.</summary>
public enum Outage
{
    /// <summary>Every connection is closed as soon as it is made: what a client sees of a stopped server.</summary>
    Refuse,

    /// <summary>Every request is answered 503 with a Status, as an overloaded or starting API server does.</summary>
    ServiceUnavailable,
}
