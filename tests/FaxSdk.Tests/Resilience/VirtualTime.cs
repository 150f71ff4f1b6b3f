using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Resilience;

/// <summary>Runs a task to completion on a fake clock, moving the clock in small steps while the task waits.</summary>
internal static class VirtualTime
{
    public static RecordingClock NewClock() => new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> whenever <paramref name="task"/> is still waiting, up to <paramref name="limit"/> of virtual time.</summary>
    public static async Task<T> Drive<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var by = step ?? TimeSpan.FromMilliseconds(250);
        var until = clock.GetUtcNow() + (limit ?? TimeSpan.FromMinutes(10));
        while (!task.IsCompleted)
        {
            // Let continuations that are already runnable get to their next wait before time moves on.
            await Task.WhenAny(task, Task.Delay(1));
            if (task.IsCompleted)
            {
                break;
            }

            if (clock.GetUtcNow() >= until)
            {
                throw new TimeoutException($"The task did not finish within {limit ?? TimeSpan.FromMinutes(10)} of virtual time.");
            }

            clock.Advance(by);
        }

        return await task;
    }

    public static Task Drive(this FakeTimeProvider clock, Task task, TimeSpan? step = null, TimeSpan? limit = null) =>
        clock.Drive(Wrap(task), step, limit);

    /// <summary>Waits (in real time, briefly) until <paramref name="condition"/> holds: the code under test runs on other threads.</summary>
    public static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 5000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition(), "The condition was not reached.");
    }

    private static async Task<bool> Wrap(Task task)
    {
        await task;
        return true;
    }
}

/// <summary>A <see cref="FakeTimeProvider"/> that remembers the due time of every timer created on it, so a test can wait until a delay is set before moving time.</summary>
internal sealed class RecordingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>The due times of the timers created so far (retry delays, timeouts …).</summary>
    public IReadOnlyCollection<TimeSpan> Timers => _timers;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
