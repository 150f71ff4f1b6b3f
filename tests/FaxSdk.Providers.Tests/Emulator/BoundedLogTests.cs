using FaxSdk.Testing;

namespace FaxSdk.Providers.Tests.Emulator;

public sealed class BoundedLogTests
{
    [Fact]
    public void Keeps_every_entry_in_order_up_to_its_capacity()
    {
        var log = new BoundedLog<int>(4);
        log.Append(1);
        log.Append(2);
        log.Append(3);

        Assert.Equal([1, 2, 3], log.Snapshot());
        Assert.Equal(3, log.Appended);
    }

    [Fact]
    public void Keeps_only_the_latest_entries_oldest_first_once_full()
    {
        var log = new BoundedLog<int>(3);
        for (var i = 1; i <= 11; i++)
        {
            log.Append(i);
        }

        Assert.Equal([9, 10, 11], log.Snapshot());
        Assert.Equal(11, log.Appended);
    }

    [Fact]
    public void Capacity_zero_keeps_nothing_but_counts()
    {
        var log = new BoundedLog<string>(0);
        log.Append("a");
        log.Append("b");

        Assert.Empty(log.Snapshot());
        Assert.Equal(2, log.Appended);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedLog<int>(-1));
    }

    [Fact]
    public async Task Concurrent_appends_are_all_counted_and_the_latest_kept()
    {
        var log = new BoundedLog<int>(100);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                log.Append((t * 10_000) + i);
            }
        })));

        var kept = log.Snapshot();
        Assert.Equal(40_000, log.Appended);
        Assert.Equal(100, kept.Length);
        Assert.Equal(100, kept.Distinct().Count());
        // Each writer's entries stay in its own order.
        Assert.All(kept.GroupBy(v => v / 10_000), g => Assert.Equal(g.Order(), g));
    }
}
