using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>The client's and tracker's log messages (source-generated; job references and state names only, never credentials or bodies).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Job {Job} changed from {From} to {To}")]
    public static partial void StateChanged(ILogger logger, string job, string from, string to);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Polling job {Job} failed ({ErrorType}, {Count} in a row); next poll in {Delay}")]
    public static partial void PollFailed(ILogger logger, string job, string errorType, int count, TimeSpan delay);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Waiting for job {Job} timed out after {Polls} polls")]
    public static partial void WaitTimedOut(ILogger logger, string job, int polls);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The tracker could not read the report feed of {Provider}/{Instance} ({ErrorType}); it will try again")]
    public static partial void FeedFailed(ILogger logger, string provider, string instance, string errorType);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The tracker could not acknowledge {Count} reports of {Provider}/{Instance} ({ErrorType}); they stay on the server and will be read again")]
    public static partial void AcknowledgeFailed(ILogger logger, int count, string provider, string instance, string errorType);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "A handler of pushed statuses failed for job {Job} ({ErrorType}); other handlers still ran")]
    public static partial void PushHandlerFailed(ILogger logger, string job, string errorType);
}
