using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>The emulator's raw answers, checked against the documented wire shapes.</summary>
public sealed class EmulatorWireTests : IAsyncDisposable
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

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(Uri uri, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Pantarey(string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _emulator!.PantareyEndpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Listens_on_loopback_only()
    {
        var emulator = await Start();

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
    }

    [Fact]
    public async Task Phaxio_recipient_status_is_null_at_creation_then_moves_through_the_documented_values()
    {
        var emulator = await Start();
        emulator.AddJob(EmulatedJob.RetriesThenSucceeds("phaxio", "42"));
        var uri = new Uri(emulator.PhaxioBaseAddress, "faxes/42");
        var c = emulator.Credentials;
        var seen = new List<string?>();

        for (var i = 0; i < 16; i++)
        {
            var (status, body) = await Get(uri, c.PhaxioApiKey, c.PhaxioApiSecret);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(body.GetProperty("success").GetBoolean());
            var data = body.GetProperty("data");
            Assert.Equal(42, data.GetProperty("id").GetInt32());
            var recipient = data.GetProperty("recipients")[0];
            seen.Add(recipient.GetProperty("status").GetString());
            Assert.True(recipient.TryGetProperty("bitrate", out _));
            _clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Null(seen[0]);
        Assert.Equal(["queued", "ringing", "willretry", "callactive", "success"], seen.Skip(1).Where(s => s is not null).Distinct());
    }

    [Fact]
    public async Task StoneFax_writes_server_local_times_without_offset_and_one_recipient_as_an_object()
    {
        var emulator = await Start(new FaxEmulatorOptions { StoneFaxServerTimeZone = TimeZoneInfo.CreateCustomTimeZone("X+1", TimeSpan.FromHours(1), "X+1", "X+1") });
        emulator.AddJob(EmulatedJob.Fails("stonefax", "IAS-N1_x_0", FaxFailureCategory.Busy));
        _clock.Advance(TimeSpan.FromSeconds(5));
        var c = emulator.Credentials;

        var (status, body) = await Get(new Uri(emulator.StoneFaxBaseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound/IAS-N1_x_0"), c.StoneFaxUsername, c.StoneFaxPassword);

        Assert.Equal(HttpStatusCode.OK, status);
        var fax = body.GetProperty("fax");
        Assert.Equal("OutboundFax:StoneFax.Faxes", fax.GetProperty("__type").GetString());
        Assert.Equal("Failed", fax.GetProperty("status").GetString());
        Assert.Equal(17, fax.GetProperty("Q931Code").GetInt32());
        Assert.Equal("2026-11-02T10:00:00.0000000", fax.GetProperty("submitTime").GetString());
        Assert.Equal(JsonValueKind.Object, fax.GetProperty("recipient").ValueKind);
    }

    [Fact]
    public async Task StoneFax_checks_credentials_and_privilege()
    {
        var emulator = await Start();
        emulator.AddJob(EmulatedJob.Succeeds("stonefax", "f"));
        var uri = new Uri(emulator.StoneFaxBaseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound/f");
        var c = emulator.Credentials;

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(uri, c.StoneFaxUsername, "nope")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(uri, c.StoneFaxUnprivilegedUsername, c.StoneFaxPassword)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(new Uri(emulator.StoneFaxBaseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound/g"), c.StoneFaxUsername, c.StoneFaxPassword)).Status);
    }

    [Fact]
    public async Task Pantarey_reports_recipients_only_once_terminal_and_honours_the_mode()
    {
        var emulator = await Start();
        emulator.AddJob(EmulatedJob.Succeeds("pantarey", "j1") with { IsTest = true });
        var token = emulator.Credentials.PantareyBearerToken;

        var scheduling = await Pantarey("""{"jobId":"j1","test":true}""", token);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var processing = await Pantarey("""{"jobId":"j1","test":true}""", token);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var finished = await Pantarey("""{"jobId":"j1","test":true}""", token);
        var live = await Pantarey("""{"jobId":"j1","test":false}""", token);
        var unauthorised = await Pantarey("""{"jobId":"j1","test":true}""", "other");
        var malformed = await Pantarey("""{"jobId":""", token);

        Assert.Equal("scheduling", scheduling.Body.GetProperty("status").GetString());
        Assert.Equal("processing", processing.Body.GetProperty("status").GetString());
        Assert.False(processing.Body.TryGetProperty("recipients", out _));
        Assert.Equal("finished", finished.Body.GetProperty("status").GetString());
        Assert.Equal(0, finished.Body.GetProperty("recipients")[0].GetProperty("resultCode").GetInt32());
        Assert.Equal(1, finished.Body.GetProperty("statistics").GetProperty("recipientCountSuccessful").GetInt32());
        Assert.Equal((HttpStatusCode.NotFound, "job not found"), (live.Status, live.Body.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.Status);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
    }

    [Fact]
    public void Default_jobs_cover_every_final_state_each_provider_can_reach_within_ten_seconds()
    {
        var jobs = FaxEmulator.DefaultJobs();
        var reached = jobs.GroupBy(j => j.Provider).ToDictionary(g => g.Key, g => g.Select(j => j.ExpectedFinalState).ToHashSet());

        Assert.Equal([FaxJobState.Succeeded, FaxJobState.PartiallySucceeded, FaxJobState.Failed], reached["phaxio"].Order());
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Failed, FaxJobState.Canceled], reached["stonefax"].Order());
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.PartiallySucceeded, FaxJobState.Failed, FaxJobState.Canceled], reached["pantarey"].Order());
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.Failed], reached["concord"].Order());
        Assert.Equal([FaxJobState.Succeeded, FaxJobState.PartiallySucceeded, FaxJobState.Failed, FaxJobState.Canceled], reached["retarus"].Order());
        Assert.All(jobs, j => Assert.True(j.Duration <= TimeSpan.FromSeconds(10)));
        Assert.Contains(jobs, j => j.Paused is not null);
        Assert.Contains(jobs, j => j.Recipients.Any(r => r.Steps.Any(s => s.Phase == EmulatedPhase.RetryScheduled)));
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_requests_are_recorded_without_credentials()
    {
        var emulator = await Start();

        var (status, _) = await Get(new Uri(emulator.BaseAddress, "admin"), "u", "p");

        Assert.Equal(HttpStatusCode.NotFound, status);
        var request = Assert.Single(emulator.Requests);
        Assert.Equal(("/admin", (string?)null, 404), (request.RawTarget, request.Provider, request.StatusCode));
        Assert.DoesNotContain("Basic", request.ToString(), StringComparison.Ordinal);
    }
}
