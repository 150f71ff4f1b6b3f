using FaxSdk.Cli.Output;

namespace FaxSdk.Cli.Tracking;

/// <summary>
/// The completion handler of <c>faxstatus track run</c>: prints <c>final &lt;provider&gt; &lt;jobId&gt; &lt;state&gt;</c>
/// and flushes it before returning. The worker runs it only for a final status that is stored, and marks the completion
/// handled only after it returned, so every completed job is printed at least once across all workers (again by
/// another worker when this process dies between printing and marking).
/// </summary>
/// <param name="output">Standard output.</param>
internal sealed class FinalLineWriter(TextWriter output) : IFaxJobCompletionHandler
{
    private readonly Lock _lock = new();

    /// <summary>The line for a completed job.</summary>
    /// <param name="job">The job.</param>
    /// <param name="status">Its final status.</param>
    /// <returns><c>final phaxio 1001 succeeded</c> (control characters in the id escaped).</returns>
    public static string Line(FaxJobReference job, FaxJobStatus status) =>
        $"final {job.Provider} {TerminalText.Escape(job.JobId)} {StatusFormat.Camel(status.State)}";

    /// <inheritdoc />
    public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var line = Line(completion.Job, completion.Status);
        lock (_lock)
        {
            // Flushed before returning: the job is marked handled only after the line is out of this process.
            output.WriteLine(line);
            output.Flush();
        }

        return Task.CompletedTask;
    }
}
