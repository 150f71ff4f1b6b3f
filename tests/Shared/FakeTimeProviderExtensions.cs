using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.TestSupport;

/// <summary>
/// Moves a <see cref="FakeTimeProvider"/> forward while code under test runs on it, one step at a time until a
/// condition holds. Bounded by a number of steps, never by wall time, so a bug fails the test instead of hanging it.
/// </summary>
internal static class FakeTimeProviderExtensions
{
    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="condition"/> holds.</summary>
    /// <param name="clock">The clock the code under test runs on.</param>
    /// <param name="condition">What the test waits for.</param>
    /// <param name="step">How far each step moves the clock.</param>
    /// <param name="maxSteps">How many steps (or waits for <paramref name="ready"/>) before the test fails.</param>
    /// <param name="ready">
    /// When the clock may move (say, no request is on the wire); a step it refuses only lets the code under test run.
    /// </param>
    /// <exception cref="Xunit.Sdk.XunitException">
    /// The condition did not hold within <paramref name="maxSteps"/> steps (a test failure, never mistaken for an exception the code under test throws).
    /// </exception>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> condition, TimeSpan step, int maxSteps = 10_000, Func<bool>? ready = null)
    {
        for (var i = 0; ; i++)
        {
            // Off the test's synchronisation context (xunit's), where completing a task never runs its continuations
            // inline: on a pool thread, what a step releases runs inside Advance, up to its next wait on the clock.
            await SettleAsync().ConfigureAwait(false);
            if (condition())
            {
                return;
            }

            if (i == maxSteps)
            {
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {maxSteps} steps of {step} of virtual time (now {clock.GetUtcNow():O}).");
            }

            if (ready?.Invoke() ?? true)
            {
                clock.Advance(step);
            }
            else
            {
                // A refused step waits for code that is running (not queued) on another thread: give it real time,
                // so that a loaded machine gets maxSteps milliseconds at least, not maxSteps empty settle rounds.
                await Task.Delay(1).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits for something that real I/O brings about (a request crossing loopback, a server recording it), moving
    /// <paramref name="clock"/> by <paramref name="step"/> (not at all by default) after each millisecond of wall time.
    /// Bounded by <paramref name="limit"/> of wall time (30 s by default), never by a count of polls: a loaded machine
    /// makes I/O slow, not wrong.
    /// </summary>
    /// <exception cref="Xunit.Sdk.XunitException">The condition did not hold within the limit.</exception>
    public static async Task WaitForIoAsync(this FakeTimeProvider clock, Func<bool> condition, TimeSpan step = default, TimeSpan? limit = null)
    {
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var bound = limit ?? TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (wall.Elapsed > bound)
            {
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {bound} of wall time (virtual time now {clock.GetUtcNow():O}).");
            }

            await Task.Delay(1).ConfigureAwait(false);
            if (step > TimeSpan.Zero)
            {
                clock.Advance(step);
            }
        }
    }

    /// <summary>
    /// Lets what the code under test queued on the thread pool (a <c>CancelAsync</c>, a continuation that could not
    /// run inline) run before the next step: through the pool's global queue, first in first out, until the pool has
    /// had nothing waiting twice in a row (at most <see cref="MaxSettleRounds"/> rounds; other tests share the pool).
    /// </summary>
    private static async Task SettleAsync()
    {
        var idle = 0;
        for (var round = 0; round < MaxSettleRounds && idle < 2; round++)
        {
            await Task.Factory.StartNew(static () => { }, CancellationToken.None, TaskCreationOptions.PreferFairness, TaskScheduler.Default).ConfigureAwait(false);
            idle = ThreadPool.PendingWorkItemCount == 0 ? idle + 1 : 0;
        }
    }

    private const int MaxSettleRounds = 64;

    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="task"/> completes, and returns its result.</summary>
    public static async Task<T> AdvanceUntilCompletedAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, int maxSteps = 10_000, Func<bool>? ready = null)
    {
        await clock.AdvanceUntilAsync(() => task.IsCompleted, step, maxSteps, ready);
        return await task;
    }

    /// <summary>Advances <paramref name="clock"/> by <paramref name="step"/> until <paramref name="task"/> completes, and rethrows its failure.</summary>
    public static async Task AdvanceUntilCompletedAsync(this FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 10_000)
    {
        await clock.AdvanceUntilAsync(() => task.IsCompleted, step, maxSteps);
        await task;
    }
}
