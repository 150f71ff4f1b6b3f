using Microsoft.Extensions.Logging;

namespace FaxSdk.AspNetCore;

/// <summary>The webhook host's log messages (source-generated): provider, instance, status codes, reasons and type names only; never a body, a header, a secret or a URL.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Webhook for {Provider}/{Instance} failed authentication: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string provider, string instance, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Webhook for {Provider}/{Instance} refused with {StatusCode}: {Reason}")]
    public static partial void Rejected(ILogger logger, string provider, string instance, int statusCode, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Webhook for {Provider}/{Instance} accepted with {Count} pushed statuses")]
    public static partial void Accepted(ILogger logger, string provider, string instance, int count);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Webhook queue is full ({Capacity}); a push for {Provider}/{Instance} was answered 503 so the provider retries")]
    public static partial void QueueFull(ILogger logger, int capacity, string provider, string instance);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Handing a push for job {Job} to FaxStatusClient.Pushes failed ({ErrorType}); polling will find its state")]
    public static partial void PushFailed(ILogger logger, FaxJobReference job, string errorType);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "{Count} accepted pushes were not handed to FaxStatusClient.Pushes before shutdown ended; polling will find their jobs' states")]
    public static partial void PushesDropped(ILogger logger, int count);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "The webhook receiver for {Provider}/{Instance} failed ({ErrorType}); answered 500")]
    public static partial void ReceiverFailed(ILogger logger, string provider, string instance, string errorType);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "A pushed final state for job {Job} was not confirmed by a status read")]
    public static partial void Unconfirmed(ILogger logger, FaxJobReference job);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "A webhook rejection observer failed ({ErrorType})")]
    public static partial void ObserverFailed(ILogger logger, string errorType);
}
