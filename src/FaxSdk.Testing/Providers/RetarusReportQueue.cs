namespace FaxSdk.Testing.Providers;

/// <summary>
/// One Retarus data centre's reports, kept so that a listing costs O(page · log N) and a deletion O(log N), however
/// many jobs the emulator holds: jobs wait in a queue by the moment their report appears (every recipient final), and
/// move, when a request finds them due, to a set in report order (completion time, then job id, oldest first).
/// </summary>
/// <remarks>
/// A report is listed only while every recipient is final by the request's clock, exactly as a scan of all jobs
/// would decide. For scripts that end in a final step (every preset, every generated job) that holds from the due
/// moment on, so the listing never skips; a script that leaves a final phase again, or a clock that goes back, only
/// makes the listing step over the reports not available at that moment.
/// </remarks>
internal sealed class RetarusReportQueue
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Report, DateTimeOffset> _pending = new();
    private readonly SortedSet<Report> _ready = new(ReportOrder.Instance);
    private readonly Dictionary<string, Report> _reports = new(StringComparer.Ordinal);

    /// <summary>How many reports are listed (due and not deleted); the pending ones are not counted.</summary>
    public int ReadyCount
    {
        get
        {
            lock (_lock)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>Adds a job held by this data centre; a job whose recipients never all end is never reported.</summary>
    /// <param name="run">The job.</param>
    public void Add(EmulatedJobRun run)
    {
        if (FirstCompleteAt(run.Job) is not { } complete)
        {
            return;
        }

        var report = new Report(run.TimeOf(run.Job.Duration), run.Job.JobId, run);
        var due = complete == TimeSpan.MinValue ? DateTimeOffset.MinValue : run.TimeOf(complete);
        lock (_lock)
        {
            if (_reports.TryAdd(report.JobId, report))
            {
                _pending.Enqueue(report, due);
            }
        }
    }

    /// <summary>The oldest reports available at <paramref name="now"/>, in report order.</summary>
    /// <param name="now">The emulator's clock.</param>
    /// <param name="max">The most to return.</param>
    /// <returns>Up to <paramref name="max"/> jobs.</returns>
    public List<EmulatedJobRun> Page(DateTimeOffset now, int max)
    {
        var page = new List<EmulatedJobRun>(Math.Min(max, 64));
        lock (_lock)
        {
            while (_pending.TryPeek(out var report, out var due) && due <= now)
            {
                _pending.Dequeue();
                if (_reports.ContainsKey(report.JobId))
                {
                    _ready.Add(report);
                }
            }

            foreach (var report in _ready)
            {
                if (page.Count == max)
                {
                    break;
                }

                if (IsComplete(report.Run, now))
                {
                    page.Add(report.Run);
                }
            }
        }

        return page;
    }

    /// <summary>Removes a job's report for good.</summary>
    /// <param name="jobId">The job id.</param>
    public void Remove(string jobId)
    {
        lock (_lock)
        {
            if (_reports.Remove(jobId, out var report))
            {
                // A report still pending stays in the queue and is dropped when it comes due (it is no longer in _reports).
                _ready.Remove(report);
            }
        }
    }

    /// <summary>Whether every recipient is final at <paramref name="now"/>: the rule a report is listed by.</summary>
    /// <param name="run">The job.</param>
    /// <param name="now">The emulator's clock.</param>
    /// <returns>Whether the job is complete.</returns>
    public static bool IsComplete(EmulatedJobRun run, DateTimeOffset now)
    {
        var elapsed = now - run.AddedAt;
        foreach (var recipient in run.Job.Recipients)
        {
            if (!recipient.At(elapsed).Step.IsFinal)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first moment (counted from when the job was added) at which every recipient is final, or null if there is
    /// none; <see cref="TimeSpan.MinValue"/> when every script starts final (a recipient stands at its first step
    /// until a later one is reached).
    /// </summary>
    private static TimeSpan? FirstCompleteAt(EmulatedJob job)
    {
        // Where a recipient stands changes only at a step's time, so the candidates are the steps' times.
        var times = job.Recipients.SelectMany(r => r.Steps).Select(s => s.At).Prepend(TimeSpan.MinValue).Distinct().Order();
        foreach (var at in times)
        {
            if (job.Recipients.All(r => r.At(at).Step.IsFinal))
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>A listed report: its place in the listing and its job.</summary>
    private sealed record Report(DateTimeOffset CompletedAt, string JobId, EmulatedJobRun Run);

    /// <summary>Oldest completion first, then job id (ordinal): the order the listing uses.</summary>
    private sealed class ReportOrder : IComparer<Report>
    {
        public static readonly ReportOrder Instance = new();

        public int Compare(Report? x, Report? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var byTime = x.CompletedAt.CompareTo(y.CompletedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.JobId, y.JobId);
        }
    }
}
