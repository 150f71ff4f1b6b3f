using System.Collections.Concurrent;
using FaxSdk.Tests.Client;

namespace FaxSdk.Tests.Tracking;

/// <summary>Store-backed workers sharing one store: no job polled by two at once, completions at least once, pushes, feeds, not found.</summary>
/// <remarks>Workers run through Task.Run: off xunit's synchronisation context, whatever they (or a scripted provider's
/// Task.Yield) queue goes to the thread pool, where the fake clock's stepping waits for it.</remarks>
[Collection(TrackingWorkerCollection.Name)]
public class FaxTrackingWorkerTests : VirtualTimeClientTests
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, bool> _created = new();
    private readonly ConcurrentDictionary<string, bool> _started = new();

    private FaxTrackingWorker Worker(FaxStatusClient client, IFaxTrackingStore store, string name, IFaxJobCompletionHandler? handler = null, Action<FaxTrackingOptions>? configure = null)
    {
        var options = new FaxTrackingOptions { WorkerName = name, StopWhenIdle = true, BatchSize = 8, LeaseDuration = LeaseTime, PollTimeout = TimeSpan.FromMinutes(1), IdleDelay = TimeSpan.FromSeconds(1), FeedInterval = TimeSpan.FromSeconds(2) };
        configure?.Invoke(options);
        _created[name] = true;
        // Notes the worker's first claim: the clock moves only once every worker runs (a thread that starts late on a
        // busy machine would otherwise find the virtual clock far ahead).
        var spy = new InterceptingStore(store) { Before = (_, owner) => { if (owner == name) { _started[name] = true; } } };
        return new FaxTrackingWorker(client, spy, options, handler is null ? null : [handler]);
    }

    private bool AllStarted() => _started.Count == _created.Count;

    private async Task RunToEndAsync(Task run, TimeSpan step)
    {
        await Clock.AdvanceUntilAsync(() => run.IsCompleted, step, ready: AllStarted);
        await run;
    }

    private static async Task<List<FaxTrackedJob>> ListAsync(IFaxTrackingStore store)
    {
        var jobs = new List<FaxTrackedJob>();
        await foreach (var job in store.ListAsync())
        {
            jobs.Add(job);
        }

        return jobs;
    }

    [Fact]
    public async Task Two_workers_on_one_store_finish_every_job_never_polling_one_job_at_once_and_complete_each_once()
    {
        var single = new OverlapDetectingProvider("single");
        var batch = new ScriptedBatchProvider("batch");
        var expected = new Dictionary<string, FaxJobState>();
        for (var i = 0; i < 40; i++)
        {
            var final = i % 4 == 0 ? FaxJobState.Failed : FaxJobState.Succeeded;
            single.Script($"s{i}", [.. Enumerable.Repeat(FaxJobState.InProgress, i % 3), final]);
            expected[$"s{i}"] = final;
        }

        for (var i = 0; i < 30; i++)
        {
            batch.Script($"b{i}", [.. Enumerable.Repeat(FaxJobState.Pending, i % 2), FaxJobState.PartiallySucceeded]);
            expected[$"b{i}"] = FaxJobState.PartiallySucceeded;
        }

        // Each poll of the single provider takes half a second, so the two workers' batches overlap in time.
        single.Gate = ct => Task.Delay(TimeSpan.FromMilliseconds(500), Clock, ct);
        var store = new FaxInMemoryTrackingStore();
        await store.AddAsync([.. expected.Keys.Select(id => new FaxJobReference(id.StartsWith('s') ? "single" : "batch", id))], Clock.GetUtcNow());
        var handled = new ConcurrentQueue<(string Worker, string JobId)>();
        var completed = new ConcurrentQueue<(string Worker, string JobId)>();
        var workers = new[] { "w1", "w2" }.Select(name =>
        {
            // Two processes: a client each, one store.
            // Leases far longer than the run: a worker thread the machine leaves waiting never loses its jobs to the other.
            var worker = Worker(Client(single, batch), store, name, new RecordingHandler(name, handled), o => (o.LeaseDuration, o.PollTimeout) = (TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)));
            worker.JobCompleted += (_, u) => completed.Enqueue((name, u.Job.JobId));
            return worker;
        }).ToList();

        var runs = workers.Select(w => Task.Run(() => w.RunAsync())).ToList();
        await RunToEndAsync(Task.WhenAll(runs), TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, single.Overlaps);
        var stored = await ListAsync(store);
        Assert.Equal(70, stored.Count);
        Assert.All(stored, j => Assert.Equal(expected[j.Job.JobId], j.Status!.State));
        Assert.All(stored, j => Assert.True(j.CompletionHandled));
        Assert.Equal(expected.Keys.Order(), completed.Select(c => c.JobId).Order());
        Assert.Equal(expected.Keys.Order(), handled.Select(c => c.JobId).Order());
        // Jobs of the batch provider are still read many per request.
        Assert.Contains(batch.Batches, b => b.Count > 1);
    }

    [Fact]
    public async Task A_completion_whose_handler_throws_is_delivered_again_after_the_lease_and_marked_only_then()
    {
        var single = new ScriptedProvider("single");
        single.Script("a", FaxJobState.Succeeded);
        var client = Client(single);
        var store = new FaxInMemoryTrackingStore();
        await store.AddAsync([new FaxJobReference("single", "a")], Clock.GetUtcNow());
        var calls = new List<DateTimeOffset>();
        DateTimeOffset? leasedUntil = null;
        var handler = new DelegateHandler(async u =>
        {
            calls.Add(Clock.GetUtcNow());
            if (calls.Count == 1)
            {
                leasedUntil = (await store.GetAsync(u.Job))!.LeaseExpiresAt;
                throw new InvalidOperationException("the database of results is down");
            }
        });

        await RunToEndAsync(Task.Run(() => Worker(client, store, "w1", handler).RunAsync()), TimeSpan.FromSeconds(1));

        Assert.Equal(2, calls.Count);
        Assert.True(calls[1] >= leasedUntil, $"redelivered at {calls[1]:T}, the failed delivery's lease ran until {leasedUntil:T}");
        Assert.True((await store.GetAsync(new FaxJobReference("single", "a")))!.CompletionHandled);
    }

    [Fact]
    public async Task A_worker_that_dies_between_handler_and_mark_leaves_the_completion_to_another_worker_after_its_lease()
    {
        var single = new ScriptedProvider("single");
        single.Script("a", FaxJobState.Canceled);
        var store = new InterceptingStore(new FaxInMemoryTrackingStore())
        {
            Before = (call, owner) =>
            {
                if (call == nameof(IFaxTrackingStore.MarkCompletionsHandledAsync) && owner == "w1")
                {
                    throw new InvalidOperationException("the process died");
                }
            },
        };
        await store.AddAsync([new FaxJobReference("single", "a")], Clock.GetUtcNow());
        var calls = new ConcurrentQueue<(string Worker, DateTimeOffset At)>();
        DateTimeOffset? leasedUntil = null;
        using var kill = new CancellationTokenSource();
        var first = Worker(Client(single), store, "w1", new DelegateHandler(async u =>
        {
            leasedUntil = (await store.GetAsync(u.Job))!.LeaseExpiresAt;
            calls.Enqueue(("w1", Clock.GetUtcNow()));
        }), o => o.StopWhenIdle = false);
        var dying = Task.Run(() => first.RunAsync(kill.Token));
        await Clock.AdvanceUntilAsync(() => !calls.IsEmpty, TimeSpan.FromMilliseconds(250), ready: AllStarted);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);

        var second = Worker(Client(single), store, "w2", new DelegateHandler(_ => { calls.Enqueue(("w2", Clock.GetUtcNow())); return Task.CompletedTask; }));
        await RunToEndAsync(Task.Run(() => second.RunAsync()), TimeSpan.FromSeconds(1));

        var delivered = calls.ToList();
        Assert.Equal(["w1", "w2"], delivered.Select(c => c.Worker));
        Assert.True(delivered[1].At >= leasedUntil, $"delivered again at {delivered[1].At:T}, the dead worker's lease ran until {leasedUntil:T}");
        var job = (await store.GetAsync(new FaxJobReference("single", "a")))!;
        Assert.True(job.CompletionHandled);
        Assert.Equal(FaxJobState.Canceled, job.Status!.State);
    }

    [Fact]
    public async Task Pushed_statuses_are_written_into_the_store_and_the_job_is_polled_only_as_a_safety_net()
    {
        var pushing = new ScriptedProvider("pushing");
        pushing.Script("j", FaxJobState.Pending);
        var client = Client(pushing);
        client.Pushes.RegisterReceiver("pushing");
        var store = new FaxInMemoryTrackingStore();
        var job = new FaxJobReference("pushing", "j");
        await store.AddAsync([job], Clock.GetUtcNow());
        var handled = new ConcurrentQueue<(string Worker, string JobId)>();
        var worker = Worker(client, store, "w1", new RecordingHandler("w1", handled), o => o.PushSafetyNetInterval = TimeSpan.FromMinutes(10));
        var changes = new ConcurrentQueue<FaxJobUpdate>();
        var completions = new ConcurrentQueue<FaxJobUpdate>();
        worker.JobChanged += (_, u) => changes.Enqueue(u);
        worker.JobCompleted += (_, u) => completions.Enqueue(u);
        var run = Task.Run(() => worker.RunAsync());
        await Clock.AdvanceUntilAsync(() => changes.Count == 1, TimeSpan.FromMilliseconds(250), ready: AllStarted);

        await client.Pushes.AcceptAsync(new FaxPushedStatus { Job = job, Status = pushing.Status("j", FaxJobState.InProgress), Trust = FaxPushTrust.Signed, DeliveryKey = "k1" });
        // A push wakes the worker: wait for it without moving the clock (a loaded machine may run it late).
        await Clock.AdvanceUntilAsync(() => changes.Count == 2, TimeSpan.FromMilliseconds(250), ready: () => false);
        Assert.Equal(FaxJobState.InProgress, (await store.GetAsync(job))!.Status!.State);
        // Five minutes pass: the safety net is ten, so no poll.
        var quiet = Clock.GetUtcNow();
        await Clock.AdvanceUntilAsync(() => Clock.GetUtcNow() - quiet >= TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), ready: AllStarted);
        await client.Pushes.AcceptAsync(new FaxPushedStatus { Job = job, Status = pushing.Status("j", FaxJobState.Succeeded), Trust = FaxPushTrust.Signed, DeliveryKey = "k2" });
        await Clock.AdvanceUntilAsync(() => !completions.IsEmpty, TimeSpan.FromMilliseconds(250), ready: () => false);
        await RunToEndAsync(run, TimeSpan.FromMilliseconds(250));

        Assert.Single(pushing.Calls);
        Assert.Equal([FaxJobState.Pending, FaxJobState.InProgress, FaxJobState.Succeeded], changes.Select(u => u.Status.State));
        Assert.Equal(FaxJobState.Succeeded, Assert.Single(completions).Status.State);
        Assert.Equal(["j"], handled.Select(h => h.JobId));
        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(job))!.Status!.State);
    }

    [Fact]
    public async Task A_push_whose_store_write_fails_is_written_on_a_later_pass_not_lost()
    {
        var pushing = new ScriptedProvider("pushing");
        pushing.Script("j", FaxJobState.Pending);
        var client = Client(pushing);
        client.Pushes.RegisterReceiver("pushing");
        var writes = 0;
        var store = new InterceptingStore(new FaxInMemoryTrackingStore())
        {
            Before = (call, _) =>
            {
                if (call == nameof(IFaxTrackingStore.WriteStatusesAsync) && Interlocked.Increment(ref writes) == 1)
                {
                    throw new InvalidOperationException("the store is down");
                }
            },
        };
        var job = new FaxJobReference("pushing", "j");
        await store.AddAsync([job], Clock.GetUtcNow());
        var worker = Worker(client, store, "w1", configure: o => o.PushSafetyNetInterval = TimeSpan.FromHours(1));
        var completions = new ConcurrentQueue<FaxJobUpdate>();
        worker.JobCompleted += (_, u) => completions.Enqueue(u);
        var run = Task.Run(() => worker.RunAsync());
        await Clock.AdvanceUntilAsync(() => !pushing.Calls.IsEmpty, TimeSpan.FromMilliseconds(250), ready: AllStarted);

        await client.Pushes.AcceptAsync(new FaxPushedStatus { Job = job, Status = pushing.Status("j", FaxJobState.Succeeded), Trust = FaxPushTrust.Signed, DeliveryKey = "k" });
        await Clock.AdvanceUntilAsync(() => !completions.IsEmpty, TimeSpan.FromMilliseconds(250), ready: AllStarted);
        await RunToEndAsync(run, TimeSpan.FromMilliseconds(250));

        Assert.True(Volatile.Read(ref writes) >= 2);
        Assert.Single(pushing.Calls); // completed by the push written again, not by a poll (the safety net is an hour away)
        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(job))!.Status!.State);
    }

    [Fact]
    public async Task A_batch_that_times_out_is_given_back_with_a_delay_not_claimed_again_at_once()
    {
        // Judged from what the worker wrote and when it called, not by watching the store between clock steps: on a
        // busy machine the worker may run many virtual steps behind the clock, so a lease seen (or not) between two
        // steps proves nothing.
        var slow = new ScriptedProvider("slow");
        slow.Script("j", FaxJobState.Succeeded);
        var calls = 0;
        slow.Gate = ct => Interlocked.Increment(ref calls) == 1 ? Task.Delay(Timeout.InfiniteTimeSpan, ct) : Task.CompletedTask;
        var store = new InterceptingStore(new FaxInMemoryTrackingStore());
        var job = new FaxJobReference("slow", "j");
        await store.AddAsync([job], Clock.GetUtcNow());
        var pollTimeout = TimeSpan.FromSeconds(30);
        var minimumInterval = Fast.MinimumInterval; // the client's schedule, which the worker uses
        var worker = Worker(Client(slow), store, "w1", configure: o => o.PollTimeout = pollTimeout);

        await RunToEndAsync(Task.Run(() => worker.RunAsync()), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(job))!.Status!.State);
        var (_, firstCall) = slow.Calls.First();
        var secondCall = slow.Calls.Skip(1).Single().At;
        var givenBack = store.Outcomes.First();
        Assert.Null(givenBack.Status); // the timed-out batch read nothing
        Assert.False(givenBack.Abandon);
        // The poll hung until its timeout; the job was given back due a minimum interval after that at the earliest,
        // and it was not polled again before then.
        Assert.True(givenBack.NextDueAt >= firstCall + pollTimeout + minimumInterval, $"given back due at {givenBack.NextDueAt:O}, first call at {firstCall:O}: the timed-out batch would be claimed again at once");
        Assert.True(secondCall >= givenBack.NextDueAt, $"polled again at {secondCall:O}, before the due time {givenBack.NextDueAt:O}");
    }

    [Fact]
    public async Task A_job_never_found_is_abandoned_in_the_store_and_reported_once()
    {
        var single = new ScriptedProvider("single");
        var store = new FaxInMemoryTrackingStore();
        var job = new FaxJobReference("single", "missing");
        await store.AddAsync([job], Clock.GetUtcNow());
        var worker = Worker(Client(single), store, "w1", configure: o => o.ErrorPolicy = new FaxPollErrorPolicy { MaxNotFoundPolls = 3 });
        var abandoned = new ConcurrentQueue<FaxPollFailure>();
        var failures = new ConcurrentQueue<FaxPollFailure>();
        worker.JobAbandoned += (_, f) => abandoned.Enqueue(f);
        worker.PollFailed += (_, f) => failures.Enqueue(f);

        await RunToEndAsync(Task.Run(() => worker.RunAsync()), TimeSpan.FromMilliseconds(250));

        Assert.Equal(job, Assert.Single(abandoned).Job);
        Assert.Equal([1, 2, 3], failures.Select(f => f.ConsecutiveFailures));
        Assert.Equal(3, single.Calls.Count);
        var stored = (await store.GetAsync(job))!;
        Assert.True(stored.IsAbandoned);
        Assert.Equal(3, stored.ConsecutiveErrors);
    }

    [Fact]
    public async Task A_job_id_the_provider_refuses_to_send_is_given_up_without_holding_up_its_batch()
    {
        var single = new ScriptedProvider("single");
        single.Script("good", FaxJobState.Succeeded);
        single.Script("refused", () => throw new FaxInvalidJobIdException("refused", "this provider's ids are numeric"));
        var store = new FaxInMemoryTrackingStore();
        await store.AddAsync([new FaxJobReference("single", "good"), new FaxJobReference("single", "refused")], Clock.GetUtcNow());

        await RunToEndAsync(Task.Run(() => Worker(Client(single), store, "w1").RunAsync()), TimeSpan.FromMilliseconds(250));

        Assert.Equal(FaxJobState.Succeeded, (await store.GetAsync(new FaxJobReference("single", "good")))!.Status!.State);
        Assert.True((await store.GetAsync(new FaxJobReference("single", "refused")))!.IsAbandoned);
    }

    [Fact]
    public async Task One_worker_at_a_time_reads_a_report_feed_and_a_report_is_deleted_only_after_its_status_is_stored()
    {
        var feed = new ScriptedFeedProvider("feed");
        for (var i = 0; i < 5; i++)
        {
            feed.Script($"f{i}", FaxJobState.InProgress);
        }

        var store = new InterceptingStore(new FaxInMemoryTrackingStore());
        await store.AddAsync([.. Enumerable.Range(0, 5).Select(i => new FaxJobReference("feed", $"f{i}"))], Clock.GetUtcNow());
        var storedWhenDeleted = new ConcurrentQueue<FaxJobState?>();
        feed.BeforeAcknowledge = reports =>
        {
            foreach (var report in reports)
            {
                storedWhenDeleted.Enqueue(store.GetAsync(new FaxJobReference("feed", report.Status.JobId)).Result?.Status?.State);
            }
        };
        // Leases far longer than the run, so that a worker the machine leaves waiting never loses the feed's lease mid-read.
        var workers = new[] { "w1", "w2" }.Select(name => Worker(Client(feed), store, name, configure: o => (o.LeaseDuration, o.PollTimeout) = (TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)))).ToList();

        var runs = Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync())));
        // The reports appear a few seconds in, while both workers keep asking for the feed's lease.
        var start = Clock.GetUtcNow();
        await Clock.AdvanceUntilAsync(() => Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(250), ready: AllStarted);
        for (var i = 0; i < 5; i++)
        {
            feed.Publish($"f{i}", FaxJobState.Succeeded);
        }

        await RunToEndAsync(runs, TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, feed.OnServer);
        Assert.Equal(5, storedWhenDeleted.Count);
        Assert.All(storedWhenDeleted, s => Assert.Equal(FaxJobState.Succeeded, s));
        // The lease never passes to another worker while its holder has it (no lease expires in this short run).
        string? holder = null;
        foreach (var (_, owner, what) in store.Leases.Where(l => l.Name == "feed:feed:default"))
        {
            switch (what)
            {
                case "acquired":
                    Assert.True(holder is null || holder == owner, $"{owner} got the feed lease while {holder} held it");
                    holder = owner;
                    break;
                case "released" when holder == owner:
                    holder = null;
                    break;
            }
        }

        Assert.Equal(store.Leases.Count(l => l.Event == "acquired"), feed.Reads);
    }

    /// <summary>A scripted provider that counts polls of one job overlapping in time.</summary>
    private sealed class OverlapDetectingProvider(string providerId) : ScriptedProvider(providerId)
    {
        private readonly ConcurrentDictionary<string, byte> _inFlight = new();
        private int _overlaps;

        public int Overlaps => Volatile.Read(ref _overlaps);

        public override async Task<FaxJobStatus> GetStatusAsync(FaxJobReference job, CancellationToken cancellationToken = default)
        {
            if (!_inFlight.TryAdd(job.JobId, 0))
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                return await base.GetStatusAsync(job, cancellationToken);
            }
            finally
            {
                _inFlight.TryRemove(job.JobId, out _);
            }
        }
    }

    private sealed class RecordingHandler(string worker, ConcurrentQueue<(string Worker, string JobId)> handled) : IFaxJobCompletionHandler
    {
        public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken)
        {
            Assert.True(completion.IsCompleted);
            handled.Enqueue((worker, completion.Job.JobId));
            return Task.CompletedTask;
        }
    }

    private sealed class DelegateHandler(Func<FaxJobUpdate, Task> handle) : IFaxJobCompletionHandler
    {
        public Task HandleAsync(FaxJobUpdate completion, CancellationToken cancellationToken) => handle(completion);
    }
}
