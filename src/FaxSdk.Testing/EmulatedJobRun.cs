namespace FaxSdk.Testing;

/// <summary>A job added to the emulator, with the moment its clock started.</summary>
/// <param name="Job">The scripted job.</param>
/// <param name="AddedAt">When it was added.</param>
internal sealed record EmulatedJobRun(EmulatedJob Job, DateTimeOffset AddedAt)
{
    /// <summary>The order it was added in (1 for the first job).</summary>
    public long Sequence { get; init; }

    /// <summary>When a step happened, in absolute time.</summary>
    public DateTimeOffset TimeOf(TimeSpan at) => AddedAt + at;

    /// <summary>When the first recipient started dialling, if one has by <paramref name="elapsed"/>.</summary>
    public DateTimeOffset? StartedAt(TimeSpan elapsed)
    {
        var first = Job.Recipients
            .SelectMany(r => r.Steps)
            .Where(s => s.At <= elapsed && s.Phase != EmulatedPhase.Queued)
            .Select(s => (TimeSpan?)s.At)
            .Min();
        return first is { } at ? TimeOf(at) : null;
    }
}
