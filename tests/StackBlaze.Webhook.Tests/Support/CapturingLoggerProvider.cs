using Microsoft.Extensions.Logging;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Every category of a server logs into one <see cref="CapturingLogger"/>.</summary>
internal sealed class CapturingLoggerProvider(CapturingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
