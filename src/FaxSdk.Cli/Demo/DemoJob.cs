namespace FaxSdk.Cli.Demo;

/// <summary>A job the demo follows: its reference, what the emulator scripted and what the tracker last reported.</summary>
/// <param name="Job">The job reference.</param>
/// <param name="Expected">The final state the emulator's script leads to.</param>
internal sealed record DemoJob(FaxJobReference Job, FaxJobState Expected)
{
    /// <summary>The last status the tracker reported, or <see langword="null"/> before the first.</summary>
    public FaxJobStatus? Last { get; set; }

    /// <summary>Failed polls of this job.</summary>
    public int FailedPolls { get; set; }

    /// <summary>Whether the job is final.</summary>
    public bool IsFinal => Last is { IsTerminal: true };
}
