using System.Collections.Concurrent;

namespace FaxSdk.Tests.Client;

/// <summary>A provider that answers each job from a script: one step per poll (the last step repeats).</summary>
internal class ScriptedProvider(string providerId) : IFaxStatusProvider
{
    private readonly ConcurrentDictionary<string, Queue<Func<FaxJobStatus>>> _scripts = new();
    private int _inFlight;

    public string ProviderId { get; } = providerId;

    public string InstanceName => FaxJobReference.DefaultInstance;

    public ConcurrentQueue<(string JobId, DateTimeOffset At)> Calls { get; } = new();

    public int MaxInFlight { get; private set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>A gate every call waits on (to observe concurrency).</summary>
    public Func<CancellationToken, Task>? Gate { get; set; }

    public void Script(string jobId, params Func<FaxJobStatus>[] steps) => _scripts[jobId] = new Queue<Func<FaxJobStatus>>(steps);

    public void Script(string jobId, params FaxJobState[] states) =>
        Script(jobId, [.. states.Select(s => (Func<FaxJobStatus>)(() => Status(jobId, s)))]);

    public FaxJobStatus Status(string jobId, FaxJobState state) => new()
    {
        Provider = ProviderId,
        JobId = jobId,
        State = state,
        ProviderStatus = state.ToString().ToLowerInvariant(),
        Error = state == FaxJobState.Failed ? new FaxError(FaxFailureCategory.Busy, "17", "busy") : null,
    };

    public virtual async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (this)
        {
            MaxInFlight = Math.Max(MaxInFlight, now);
        }

        try
        {
            Calls.Enqueue((job.JobId, Clock.GetUtcNow()));
            if (Gate is { } gate)
            {
                // Not on the test's synchronisation context: released by the test or the fake clock, the call goes on at once.
                await gate(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return Next(job.JobId);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    protected FaxJobStatus Next(string jobId)
    {
        if (!_scripts.TryGetValue(jobId, out var script))
        {
            throw new FaxJobNotFoundException(ProviderId, $"No job {jobId}.");
        }

        lock (script)
        {
            var step = script.Count > 1 ? script.Dequeue() : script.Peek();
            return step();
        }
    }
}
