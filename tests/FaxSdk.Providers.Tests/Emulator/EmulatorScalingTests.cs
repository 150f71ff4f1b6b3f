using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Emulator;

/// <summary>
/// The emulator's Retarus listing over HTTP with many jobs (pages of 1000, oldest first, per data centre, deletion),
/// and its bounded request log.
/// </summary>
public sealed class EmulatorScalingTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private FaxEmulator? _emulator;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private async Task<FaxEmulator> Start(FaxEmulatorOptions? options = null) =>
        _emulator = await FaxEmulator.StartAsync((options ?? new FaxEmulatorOptions()) with { TimeProvider = _clock });

    private async Task<List<(string JobId, bool? Deleted)>> Reports(string dc, HttpMethod method, string? json = null)
    {
        var uri = new Uri(_emulator!.RetarusDataCenters[dc], $"{_emulator.Credentials.RetarusCustomerNumber}/fax/reports");
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_emulator.Credentials.RetarusUsername}:{_emulator.Credentials.RetarusPassword}")));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("reports").EnumerateArray().Select(r =>
            (r.GetProperty("jobId").GetString()!, r.TryGetProperty("deleted", out var d) ? d.GetBoolean() : (bool?)null))];
    }

    /// <summary>The server records a request once it has answered it: the client may see the answer a moment earlier.</summary>
    private static async Task WhenCountedAsync(FaxEmulator emulator, long count)
    {
        for (var i = 0; i < 500 && emulator.RequestCount < count; i++)
        {
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Retarus_lists_1000_oldest_first_and_a_bulk_delete_brings_the_next_page()
    {
        var emulator = await Start();
        var step = TimeSpan.FromMilliseconds(1);
        for (var i = 0; i < 2300; i++)
        {
            // Three completion times among the jobs, ids out of order within each: order is (completion, id).
            emulator.AddJob(EmulatedJob.Succeeds("retarus", $"FJ{(i * 7919) % 2300:D5}", step: step * (1 + (i % 3))));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        var expected = emulator.Jobs.OrderBy(j => j.Duration).ThenBy(j => j.JobId, StringComparer.Ordinal).Select(j => j.JobId).ToArray();

        var first = await Reports("DE1", HttpMethod.Get);
        var again = await Reports("DE1", HttpMethod.Get);
        var deleted = await Reports("DE1", HttpMethod.Delete);
        var second = await Reports("DE1", HttpMethod.Get);
        await Reports("DE1", HttpMethod.Post, JsonSerializer.Serialize(new { action = "DELETE", jobIds = second.Select(r => r.JobId) }));
        var third = await Reports("DE1", HttpMethod.Get);

        Assert.Equal(expected[..1000], first.Select(r => r.JobId));
        Assert.Equal(first, again);
        Assert.Equal(first.Select(r => (r.JobId, (bool?)true)), deleted);
        Assert.Equal(expected[1000..2000], second.Select(r => r.JobId));
        Assert.Equal(expected[2000..], third.Select(r => r.JobId));
        Assert.Equal(2000, emulator.RetarusDeletedReports.Count);
    }

    [Fact]
    public async Task Retarus_data_centres_list_and_delete_their_own_reports()
    {
        var emulator = await Start();
        emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-DE1", step: TimeSpan.Zero));
        emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-DE2", step: TimeSpan.Zero) with { DataCenters = ["DE2"] });
        emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-BOTH", step: TimeSpan.Zero) with { DataCenters = ["DE2", "DE1"] });
        emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-LATER", step: TimeSpan.FromMinutes(1)) with { DataCenters = ["DE1", "DE2"] });

        Assert.Equal(["FJ-BOTH", "FJ-DE1"], (await Reports("DE1", HttpMethod.Get)).Select(r => r.JobId));
        Assert.Equal(["FJ-BOTH", "FJ-DE2"], (await Reports("DE2", HttpMethod.Get)).Select(r => r.JobId));

        // Deleting on DE1 (one known, one held only by DE2, one repeated) leaves DE2 as it was.
        var answer = await Reports("DE1", HttpMethod.Post, """{"action":"DELETE","jobIds":["FJ-BOTH","FJ-DE2","FJ-BOTH"]}""");
        Assert.Equal([("FJ-BOTH", true), ("FJ-DE2", false), ("FJ-BOTH", true)], answer.Select(r => (r.JobId, r.Deleted!.Value)));
        Assert.Equal(["FJ-DE1"], (await Reports("DE1", HttpMethod.Get)).Select(r => r.JobId));
        Assert.Equal(["FJ-BOTH", "FJ-DE2"], (await Reports("DE2", HttpMethod.Get)).Select(r => r.JobId));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["FJ-DE1", "FJ-LATER"], (await Reports("DE1", HttpMethod.Get)).Select(r => r.JobId));
        Assert.Equal(["FJ-BOTH", "FJ-DE2", "FJ-LATER"], (await Reports("DE2", HttpMethod.Get)).Select(r => r.JobId));
        Assert.Equal([("DE1", "FJ-BOTH")], emulator.RetarusDeletedReports);
    }

    [Fact]
    public async Task The_request_log_keeps_the_latest_requests_up_to_its_capacity_and_counts_all()
    {
        var emulator = await Start(new FaxEmulatorOptions { RequestLogCapacity = 2 });
        foreach (var id in new[] { "a", "b", "c" })
        {
            using var response = await _http.GetAsync(new Uri(emulator.StoneFaxBaseAddress, $"fw/Apps/StoneFax/WebAPI/Faxes/Outbound/{id}"));
        }

        await WhenCountedAsync(emulator, 3);

        Assert.Equal(3, emulator.RequestCount);
        Assert.Equal(["/stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/b", "/stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/c"],
            emulator.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task The_request_log_can_be_turned_off_and_keeps_10000_by_default()
    {
        Assert.Equal(10_000, new FaxEmulatorOptions().RequestLogCapacity);
        var emulator = await Start(new FaxEmulatorOptions { RequestLogCapacity = 0 });
        using (await _http.GetAsync(new Uri(emulator.BaseAddress, "nowhere")))
        {
        }

        await WhenCountedAsync(emulator, 1);

        Assert.Empty(emulator.Requests);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FaxEmulator.StartAsync(new FaxEmulatorOptions { RequestLogCapacity = -1 }));
    }
}
