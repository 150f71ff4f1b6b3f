namespace FaxSdk;

/// <summary>
/// How often a job is polled while it is not final: the first poll is immediate, then the interval starts at
/// <see cref="MinimumInterval"/>, grows by <see cref="BackoffFactor"/> after every poll that saw no change (up to
/// <see cref="MaximumInterval"/>), and falls back to <see cref="MinimumInterval"/> when the job changes. Every delay is
/// spread by ±<see cref="JitterRatio"/> so that many jobs do not poll in lockstep.
/// </summary>
public sealed record FaxPollingSchedule
{
    /// <summary>The default schedule: 2 s to 60 s, doubling, ±20 % jitter.</summary>
    public static FaxPollingSchedule Default { get; } = new();

    /// <summary>The shortest delay between two polls of one job. Default 2 seconds.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between two polls of one job. Default 60 seconds.</summary>
    public TimeSpan MaximumInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much the interval grows after a poll that saw no change. Default 2.</summary>
    public double BackoffFactor { get; init; } = 2.0;

    /// <summary>The spread applied to each delay, as a fraction of it (0 to 1). Default 0.2.</summary>
    public double JitterRatio { get; init; } = 0.2;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinimumInterval, TimeSpan.Zero, nameof(MinimumInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumInterval, MinimumInterval, nameof(MaximumInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffFactor, 1.0, nameof(BackoffFactor));
        if (double.IsNaN(JitterRatio) || JitterRatio < 0 || JitterRatio > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(JitterRatio), JitterRatio, "JitterRatio must be between 0 and 1.");
        }
    }

    /// <summary>The interval after <paramref name="current"/> when a poll saw no change.</summary>
    /// <param name="current">The interval used so far (<see cref="TimeSpan.Zero"/> before the first poll).</param>
    /// <returns>The grown interval, between <see cref="MinimumInterval"/> and <see cref="MaximumInterval"/>.</returns>
    public TimeSpan Grow(TimeSpan current)
    {
        if (current < MinimumInterval)
        {
            return MinimumInterval;
        }

        var grown = current.TotalMilliseconds * BackoffFactor;
        return grown >= MaximumInterval.TotalMilliseconds ? MaximumInterval : TimeSpan.FromMilliseconds(grown);
    }

    /// <summary>The delay to wait for <paramref name="interval"/>, with jitter, kept between the minimum and the maximum.</summary>
    /// <param name="interval">The interval.</param>
    /// <param name="random">A value in [0, 1) that picks the jitter.</param>
    /// <returns>The delay.</returns>
    public TimeSpan Jittered(TimeSpan interval, double random)
    {
        var spread = 1 + (JitterRatio * ((2 * random) - 1));
        var delay = TimeSpan.FromMilliseconds(interval.TotalMilliseconds * spread);
        return delay < MinimumInterval ? MinimumInterval : delay > MaximumInterval ? MaximumInterval : delay;
    }
}
