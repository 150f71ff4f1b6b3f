using Microsoft.Extensions.Logging;

namespace FaxSdk.Tests.Client;

/// <summary>Issue 16 item 5: log messages are not built (the job reference not even turned into text) while their level is off.</summary>
public class LogFormattingTests
{
    private sealed class LevelLogger(LogLevel minimum) : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    [Fact]
    public void Messages_logged_at_a_disabled_level_allocate_nothing()
    {
        var logger = new LevelLogger(LogLevel.Error);
        var job = new FaxJobReference("phaxio", "123456", "eu");
        var error = new FaxProtocolException("phaxio", "unreadable");
        var delay = TimeSpan.FromSeconds(1);
        Log.StateChanged(logger, job, FaxJobState.Pending, FaxJobState.Succeeded); // warm up
        Log.PollFailed(logger, job, error, 1, delay);
        Log.JobAbandoned(logger, job, 3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Log.StateChanged(logger, job, FaxJobState.Pending, FaxJobState.Succeeded);
            Log.PollFailed(logger, job, error, i, delay);
            Log.JobAbandoned(logger, job, i);
        }

        // Before issue 16 each call turned the job reference into text first (and the states, the error type).
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(logger.Messages);
    }

    [Fact]
    public void At_an_enabled_level_the_message_names_the_job_and_states()
    {
        var logger = new LevelLogger(LogLevel.Debug);

        Log.StateChanged(logger, new FaxJobReference("phaxio", "123456", "eu"), null, FaxJobState.Succeeded);
        Log.JobAbandoned(logger, new FaxJobReference("phaxio", "7"), 3);

        Assert.Equal(["Job phaxio/eu:123456 changed from none to Succeeded", "Job phaxio:7 was given up after 3 polls in a row that did not find it"], logger.Messages);
    }
}
