using Microsoft.Extensions.Logging;

namespace FaxSdk;

/// <summary>The client's and tracker's log messages (source-generated; job references and state names only, never credentials or bodies).</summary>
internal static partial class Log
{
    /// <summary>Logs event StateChanged, formatting the job only when the level is on.</summary>
    public static void StateChanged(ILogger logger, FaxJobReference job, FaxJobState? from, FaxJobState to)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            StateChangedCore(logger, job.ToString(), from?.ToString() ?? "none", to.ToString());
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Job {Job} changed from {From} to {To}")]
    private static partial void StateChangedCore(ILogger logger, string job, string from, string to);

    /// <summary>Logs event PollFailed, formatting the job only when the level is on.</summary>
    public static void PollFailed(ILogger logger, FaxJobReference job, Exception error, int count, TimeSpan delay)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            PollFailedCore(logger, job.ToString(), error.GetType().Name, count, delay);
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Polling job {Job} failed ({ErrorType}, {Count} in a row); next poll in {Delay}")]
    private static partial void PollFailedCore(ILogger logger, string job, string errorType, int count, TimeSpan delay);

    /// <summary>Logs event WaitTimedOut, formatting the job only when the level is on.</summary>
    public static void WaitTimedOut(ILogger logger, FaxJobReference job, int polls)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            WaitTimedOutCore(logger, job.ToString(), polls);
        }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Waiting for job {Job} timed out after {Polls} polls")]
    private static partial void WaitTimedOutCore(ILogger logger, string job, int polls);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The tracker could not read the report feed of {Provider}/{Instance} ({ErrorType}); it will try again")]
    public static partial void FeedFailed(ILogger logger, string provider, string instance, string errorType);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The tracker could not acknowledge {Count} reports of {Provider}/{Instance} ({ErrorType}); they stay on the server and will be read again")]
    public static partial void AcknowledgeFailed(ILogger logger, int count, string provider, string instance, string errorType);

    /// <summary>Logs event JobAbandoned, formatting the job only when the level is on.</summary>
    public static void JobAbandoned(ILogger logger, FaxJobReference job, int count)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            JobAbandonedCore(logger, job.ToString(), count);
        }
    }

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Job {Job} was given up after {Count} polls in a row that did not find it")]
    private static partial void JobAbandonedCore(ILogger logger, string job, int count);

    /// <summary>Logs event PushHandlerFailed, formatting the job only when the level is on.</summary>
    public static void PushHandlerFailed(ILogger logger, FaxJobReference job, Exception error)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            PushHandlerFailedCore(logger, job.ToString(), error.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "A handler of pushed statuses failed for job {Job} ({ErrorType}); other handlers still ran")]
    private static partial void PushHandlerFailedCore(ILogger logger, string job, string errorType);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Tracking worker {Worker} started")]
    public static partial void WorkerStarted(ILogger logger, string worker);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Tracking worker {Worker} stopped")]
    public static partial void WorkerStopped(ILogger logger, string worker);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Tracking worker {Worker} failed a pass ({ErrorType}); it tries again in {Delay}")]
    public static partial void WorkerPassFailed(ILogger logger, string worker, string errorType, TimeSpan delay);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Polling a batch of {Count} jobs took longer than {Timeout}; they are due again")]
    public static partial void PollTimedOut(ILogger logger, int count, TimeSpan timeout);

    /// <summary>Logs event CompletionHandlerFailed, formatting the job only when the level is on.</summary>
    public static void CompletionHandlerFailed(ILogger logger, FaxJobReference job, Exception error, TimeSpan lease)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            CompletionHandlerFailedCore(logger, job.ToString(), error.GetType().Name, lease);
        }
    }

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "A completion handler failed for job {Job} ({ErrorType}); the completion is delivered again after {Lease}")]
    private static partial void CompletionHandlerFailedCore(ILogger logger, string job, string errorType, TimeSpan lease);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "A handler of an event of tracking worker {Worker} failed ({ErrorType}); the worker goes on")]
    public static partial void WorkerEventHandlerFailed(ILogger logger, string worker, string errorType);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "The tracking store could not be migrated ({ErrorType}); trying again in {Delay}")]
    public static partial void MigrationFailed(ILogger logger, string errorType, TimeSpan delay);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "A tracked job of {Provider}/{Instance} has an id that cannot be sent to the provider; it is given up")]
    public static partial void InvalidJobIdAbandoned(ILogger logger, string provider, string instance);
}
