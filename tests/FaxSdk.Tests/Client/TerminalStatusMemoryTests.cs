using FaxSdk.Tests.Support;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Client;

public class TerminalStatusMemoryTests
{
    private static readonly FaxJobStatus Full = new()
    {
        Provider = "p",
        JobId = "j-1",
        State = FaxJobState.PartiallySucceeded,
        ProviderStatus = "partialsuccess",
        Detail = "two of three \ud83d\udce0",
        Pages = 3,
        IsTest = true,
        SubmittedAt = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)),
        StartedAt = new DateTimeOffset(2024, 3, 1, 10, 0, 1, 123, TimeSpan.FromMinutes(-330)),
        CompletedAt = new DateTimeOffset(2024, 3, 1, 10, 5, 12, TimeSpan.Zero),
        Error = new FaxError(FaxFailureCategory.Busy, "17", "Busy"),
        Recipients =
        [
            new FaxRecipientStatus { FaxNumber = "+15550100", State = FaxRecipientState.Succeeded, Attempts = 1, CallDuration = TimeSpan.FromSeconds(42.5), RemoteCsid = "CSID" },
            new FaxRecipientStatus { FaxNumber = "+15550101", Name = "Ann", State = FaxRecipientState.Failed, ProviderStatus = "failure", Error = new FaxError(FaxFailureCategory.NoAnswer, null, "no answer") },
            new FaxRecipientStatus { FaxNumber = "" },
        ],
    };

    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 300)]
    public void A_remembered_status_comes_back_equal_to_the_one_read(FaxJobStatus status)
    {
        var final = status with { State = FaxJobState.Failed };
        var memory = new TerminalStatusMemory(4);
        var job = new FaxJobReference("p", "j");

        memory.Reconcile(job, final);

        Assert.True(memory.TryGet(job, out var remembered));
        Assert.Equal(final, remembered);
        Assert.Equal(final, memory.Reconcile(job, final with { State = FaxJobState.InProgress }));
    }

    [Fact]
    public void The_full_sample_sets_every_member_of_the_model_so_a_new_member_cannot_be_dropped_by_the_codec_unnoticed()
    {
        // FaxStatusCodec writes the model member by member. A member added to FaxJobStatus, FaxRecipientStatus or
        // FaxError must be written by the codec and set (not default) in Full, or this test fails.
        AssertAllSet(Full, "IsTerminal");
        AssertAllSet(Full.Error!);
        AssertAllSet(Full.Recipients[0] with { Name = "n", ProviderStatus = "s", CompletedAt = DateTimeOffset.UnixEpoch, Error = Full.Error }, "IsTerminal", "IsRetryable");
        var memory = new TerminalStatusMemory(1);
        var job = new FaxJobReference("p", "j-1");
        var recipient = Full.Recipients[0] with { Name = "n", ProviderStatus = "s", CompletedAt = DateTimeOffset.UnixEpoch, Error = Full.Error };
        var status = Full with { Recipients = [recipient] };
        memory.Reconcile(job, status);
        Assert.True(memory.TryGet(job, out var back));
        Assert.Equal(status, back);
        Assert.Equal(recipient, back.Recipients[0]);
    }

    private static void AssertAllSet(object value, params string[] computed)
    {
        foreach (var property in value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (computed.Contains(property.Name) || property.Name == "EqualityContract")
            {
                continue;
            }

            var member = property.GetValue(value);
            var type = property.PropertyType;
            var isDefault = member is null || (type.IsValueType && Nullable.GetUnderlyingType(type) is null && member.Equals(Activator.CreateInstance(type)));
            Assert.False(isDefault, $"{value.GetType().Name}.{property.Name} is not set in the sample: set it, and make sure FaxStatusCodec writes it.");
        }
    }

    [Fact]
    public void Every_member_survives_including_recipients_errors_offsets_and_a_lone_surrogate()
    {
        var memory = new TerminalStatusMemory(1);
        var job = new FaxJobReference("p", "j-1");
        var status = Full with { Detail = "lone \ud800 surrogate" };

        memory.Reconcile(job, status);

        Assert.True(memory.TryGet(job, out var back));
        Assert.Equal(status, back);
        Assert.Equal(status.StartedAt!.Value.Offset, back.StartedAt!.Value.Offset);
        Assert.Equal(TimeSpan.FromSeconds(42.5), back.Recipients[0].CallDuration);
    }

    [Fact]
    public void The_latest_final_status_of_a_job_is_the_one_remembered()
    {
        var memory = new TerminalStatusMemory(2);
        var job = new FaxJobReference("p", "j-1");
        memory.Reconcile(job, Full);
        memory.Reconcile(job, Full with { State = FaxJobState.Failed, ProviderStatus = "failure" });

        Assert.Equal("failure", memory.Reconcile(job, Full with { State = FaxJobState.InProgress }).ProviderStatus);
    }

    [Fact]
    public void The_oldest_written_are_forgotten_first_and_the_ring_stays_bounded_under_rewrites()
    {
        var memory = new TerminalStatusMemory(10);
        var jobs = Enumerable.Range(0, 100).Select(i => new FaxJobReference("p", $"j{i}")).ToArray();
        var pinned = new FaxJobReference("p", "pinned");
        memory.Reconcile(jobs[0], Full with { JobId = "j0" });
        int? ringAfterWarmUp = null;
        for (var round = 0; round < 200; round++)
        {
            // Nine jobs rewritten over and over; the oldest entry (job 0) is never rewritten.
            for (var i = 1; i < 10; i++)
            {
                memory.Reconcile(jobs[i], Full with { JobId = $"j{i}", Detail = $"round {round}" });
            }

            ringAfterWarmUp ??= round == 10 ? memory.RingBytes : null;
        }

        Assert.True(memory.TryGet(jobs[0], out _));
        Assert.True(memory.TryGet(jobs[9], out var latest));
        Assert.Equal("round 199", latest.Detail);
        Assert.True(memory.RingBytes <= 4 * ringAfterWarmUp, $"the ring grew from {ringAfterWarmUp} to {memory.RingBytes} bytes");

        memory.Reconcile(pinned, Full with { JobId = "pinned" });

        Assert.False(memory.TryGet(jobs[0], out _));
        Assert.True(memory.TryGet(pinned, out _));
        Assert.True(memory.TryGet(jobs[1], out _));
        // Contains (what the push inbox asks, without decoding) agrees with TryGet, evicted entries included.
        Assert.All(jobs.Append(pinned), job => Assert.Equal(memory.TryGet(job, out _), memory.Contains(job)));
        Assert.False(memory.Contains(jobs[0]));
    }

    [Fact]
    public void A_status_larger_than_the_ring_is_remembered_too()
    {
        var memory = new TerminalStatusMemory(3);
        var many = Full with
        {
            Recipients = [.. Enumerable.Range(0, 2_000).Select(i => new FaxRecipientStatus { FaxNumber = $"+1555{i:D7}", State = FaxRecipientState.Failed })],
        };
        var small = new FaxJobReference("p", "small");
        var large = new FaxJobReference("p", "large");

        memory.Reconcile(small, Full);
        memory.Reconcile(large, many);

        Assert.True(memory.TryGet(small, out var first));
        Assert.Equal(Full, first);
        Assert.True(memory.TryGet(large, out var second));
        Assert.Equal(many, second);
    }

    [Fact]
    public void A_capacity_of_zero_remembers_nothing()
    {
        var memory = new TerminalStatusMemory(0);
        var job = new FaxJobReference("p", "j-1");
        memory.Reconcile(job, Full);

        Assert.False(memory.TryGet(job, out _));
        Assert.Equal(0, memory.RingBytes);
    }
}
