using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FaxSdk.Providers.Tests.EndToEnd;
using FaxSdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Providers.Tests.Faults;

/// <summary>Each injected fault's wire symptom, and what the real clients make of it.</summary>
public sealed class FaultInjectionTests : IAsyncDisposable
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

    private async Task<FaxEmulator> Start(EmulatorFaults faults) =>
        _emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { TimeProvider = _clock, Faults = faults });

    private static EmulatorFaults Always(EmulatedFault kind) => new() { Rate = 1, Kinds = [kind] };

    private HttpRequestMessage PhaxioGet(string jobId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator!.PhaxioBaseAddress, "faxes/" + jobId));
        request.Headers.Authorization = Basic(_emulator.Credentials.PhaxioApiKey, _emulator.Credentials.PhaxioApiSecret);
        return request;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Theory]
    [InlineData(EmulatedFault.TooManyRequests, 429)]
    [InlineData(EmulatedFault.ServiceUnavailable, 503)]
    [InlineData(EmulatedFault.WebServerError520, 520)]
    [InlineData(EmulatedFault.InternalServerError, 500)]
    public async Task Status_faults_answer_with_their_status_and_are_recorded(EmulatedFault kind, int status)
    {
        var emulator = await Start(Always(kind));
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));

        using var request = PhaxioGet("1");
        using var response = await _http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(kind == EmulatedFault.TooManyRequests ? TimeSpan.FromSeconds(1) : null, response.Headers.RetryAfter?.Delta);
        var recorded = Assert.Single(emulator.Requests);
        Assert.Equal((status, kind), (recorded.StatusCode, recorded.Fault));
        Assert.Equal(new InjectedFault("phaxio", "GET", "/phaxio/v2.1/faxes/1", kind, 1), Assert.Single(emulator.InjectedFaults));
    }

    [Fact]
    public async Task Html_error_page_is_a_200_html_page()
    {
        var emulator = await Start(Always(EmulatedFault.HtmlErrorPage));
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));

        using var request = PhaxioGet("1");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_the_real_body_broken_in_the_middle()
    {
        var emulator = await Start(Always(EmulatedFault.MalformedJson));
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));

        using var request = PhaxioGet("1");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((byte)0x01, body);
        Assert.Contains("\"Retrieved fax successfully\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Malformed_soap_is_broken_xml()
    {
        var emulator = await Start(Always(EmulatedFault.MalformedJson));
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.ConcordEndpoint)
        {
            Content = new StringContent(
                $"""<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body><GetFaxStatus><UserID>{emulator.Credentials.ConcordUserId}</UserID><FaxJobIds><JobId>x</JobId></FaxJobIds></GetFaxStatus></soap12:Body></soap12:Envelope>""",
                Encoding.UTF8,
                "application/soap+xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Credentials.ConcordAccessToken);

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/soap+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("FaxStatusResponse", text, StringComparison.Ordinal);
        Assert.ThrowsAny<System.Xml.XmlException>(() => System.Xml.Linq.XDocument.Parse(text));
    }

    [Fact]
    public async Task Truncated_body_declares_the_full_length_sends_half_and_closes()
    {
        var emulator = await Start(Always(EmulatedFault.TruncatedBody));
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));
        var target = new Uri(emulator.PhaxioBaseAddress, "faxes/1");

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, target.Port);
        var stream = tcp.GetStream();
        var auth = Basic(emulator.Credentials.PhaxioApiKey, emulator.Credentials.PhaxioApiSecret);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target.AbsolutePath} HTTP/1.1\r\nHost: {target.Authority}\r\nAuthorization: {auth}\r\n\r\n"));
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10))) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the data is also a closed connection.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, text);
        var head = text[..split];
        var declared = int.Parse(head.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var bodyBytes = received.Length - Encoding.UTF8.GetByteCount(text[..(split + 4)]);
        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
        Assert.InRange(bodyBytes, 1, declared - 1);
        Assert.Equal(EmulatedFault.TruncatedBody, Assert.Single(emulator.InjectedFaults).Kind);
    }

    [Fact]
    public async Task Dropped_connection_sends_nothing_and_is_recorded_with_status_0()
    {
        var emulator = await Start(Always(EmulatedFault.DroppedConnection));
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));

        using var request = PhaxioGet("1");
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.SendAsync(request));

        var recorded = await WaitForRequestsAsync(emulator, 1);
        Assert.Equal((0, EmulatedFault.DroppedConnection), (recorded[0].StatusCode, recorded[0].Fault));
    }

    [Fact]
    public async Task Slow_response_answers_normally_after_the_delay()
    {
        var emulator = await Start(Always(EmulatedFault.SlowResponse) with { SlowResponseDelay = TimeSpan.FromMilliseconds(20) });
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));

        using var request = PhaxioGet("1");
        var sending = _http.SendAsync(request);
        // The emulator holds the answer for the delay on its clock: nothing comes back until the clock gets there.
        await _clock.WaitForIoAsync(() => emulator.InjectedFaults.Count == 1);
        _clock.Advance(TimeSpan.FromMilliseconds(19));
        Assert.False(sending.IsCompleted);
        // A millisecond of virtual time per millisecond of wall time (the emulator starts its delay just after
        // recording the fault): the answer comes once the delay is over and it has crossed loopback.
        await _clock.WaitForIoAsync(() => sending.IsCompleted, TimeSpan.FromMilliseconds(1));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Retrieved fax successfully", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((200, EmulatedFault.SlowResponse), (emulator.Requests[0].StatusCode, emulator.Requests[0].Fault));
    }

    public static TheoryData<EmulatedFault> AllKinds() => [.. Enum.GetValues<EmulatedFault>()];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public async Task The_real_clients_turn_each_fault_into_the_typed_exception(EmulatedFault kind)
    {
        var emulator = await Start(Always(kind) with { SlowResponseDelay = TimeSpan.FromHours(1) });
        var jobs = FaultClients.AddFinishedJobs(emulator, _clock);
        using var http = new HttpClient { Timeout = kind == EmulatedFault.SlowResponse ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(30) };

        foreach (var (name, client) in FaultClients.All(emulator, http))
        {
            var job = jobs[name];
            var exception = await Assert.ThrowsAnyAsync<FaxSdkException>(() => client.GetStatusAsync(new FaxJobReference(job.Provider, job.JobId)));

            var expected = kind switch
            {
                EmulatedFault.TooManyRequests => typeof(FaxRateLimitedException),
                EmulatedFault.MalformedJson or EmulatedFault.HtmlErrorPage => typeof(FaxProtocolException),
                _ => typeof(FaxProviderUnavailableException),
            };
            Assert.True(expected == exception.GetType(), $"{name}: {exception.GetType().Name}: {exception.Message}");
            Assert.Equal(job.Provider, exception.Provider);
            switch (kind)
            {
                case EmulatedFault.TooManyRequests:
                    Assert.Equal(TimeSpan.FromSeconds(1), ((FaxRateLimitedException)exception).RetryAfter);
                    break;
                case EmulatedFault.ServiceUnavailable or EmulatedFault.InternalServerError or EmulatedFault.WebServerError520:
                    Assert.Equal(kind switch { EmulatedFault.ServiceUnavailable => 503, EmulatedFault.InternalServerError => 500, _ => 520 }, (int?)exception.StatusCode);
                    break;
                case EmulatedFault.TruncatedBody:
                    Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
                    Assert.Contains("while reading the response", exception.Message, StringComparison.Ordinal);
                    break;
                case EmulatedFault.SlowResponse:
                    Assert.Contains("timed out", exception.Message, StringComparison.Ordinal);
                    break;
                case EmulatedFault.DroppedConnection:
                    Assert.Contains("before a response", exception.Message, StringComparison.Ordinal);
                    break;
                case EmulatedFault.HtmlErrorPage:
                    Assert.Contains("HTML", exception.Message, StringComparison.Ordinal);
                    break;
            }
        }

        // Retarus asks both data centres; Concord is asked twice (JSON and SOAP). When one data centre's request
        // fails first, Retarus may cancel the other before it reaches the emulator: 6 or 7 requests.
        var faulted = emulator.InjectedFaults.Count;
        Assert.InRange(faulted, 6, 7);
        Assert.All(emulator.InjectedFaults, f => Assert.Equal(kind, f.Kind));
        if (kind is EmulatedFault.SlowResponse or EmulatedFault.DroppedConnection)
        {
            Assert.All(await WaitForRequestsAsync(emulator, faulted), r => Assert.Equal(0, r.StatusCode));
        }
    }

    [Fact]
    public async Task Same_seed_gives_the_same_faults_and_another_seed_different_ones()
    {
        EmulatedFault[] kinds = [EmulatedFault.TooManyRequests, EmulatedFault.ServiceUnavailable, EmulatedFault.InternalServerError, EmulatedFault.WebServerError520, EmulatedFault.HtmlErrorPage, EmulatedFault.MalformedJson];
        async Task<List<(string, long, EmulatedFault)>> Run(int seed)
        {
            await using var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions { TimeProvider = _clock, Faults = new EmulatorFaults { Rate = 0.5, Seed = seed, Kinds = kinds } });
            _emulator = emulator;
            for (var i = 0; i < 40; i++)
            {
                using var request = i % 2 == 0 ? PhaxioGet("1") : new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.StoneFaxBaseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound/x"));
                using var response = await _http.SendAsync(request);
            }

            _emulator = null;
            var faults = emulator.Faults;
            var injected = emulator.InjectedFaults.Select(f => (f.Provider, f.Ordinal, f.Kind)).ToList();
            var predicted = Enumerable.Range(1, 20).SelectMany(n => new[] { ("phaxio", (long)n), ("stonefax", (long)n) })
                .Select(p => (p.Item1, p.Item2, Kind: faults.Decide(p.Item1, p.Item2)))
                .Where(p => p.Kind is not null)
                .Select(p => (p.Item1, p.Item2, p.Kind!.Value));
            Assert.Equal(predicted.Order(), injected.Order());
            Assert.Equal(injected.Count, emulator.Requests.Count(r => r.Fault is not null));
            return injected;
        }

        var first = await Run(7);
        var again = await Run(7);
        var other = await Run(8);

        Assert.InRange(first.Count, 5, 35);
        Assert.True(first.Select(f => f.Item3).Distinct().Count() > 1);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Rate_zero_injects_nothing_and_rate_one_everything()
    {
        Assert.All(Enumerable.Range(1, 1000), n => Assert.Null(new EmulatorFaults { Rate = 0, Seed = n }.Decide("phaxio", n)));
        Assert.All(Enumerable.Range(1, 1000), n => Assert.NotNull(new EmulatorFaults { Rate = 1, Seed = n }.Decide("phaxio", n)));

        var emulator = await Start(new EmulatorFaults { Rate = 0, Seed = 3 });
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));
        for (var i = 0; i < 30; i++)
        {
            using var request = PhaxioGet("1");
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(emulator.InjectedFaults);
        Assert.All(emulator.Requests, r => Assert.Null(r.Fault));
    }

    [Fact]
    public void All_kinds_are_chosen_at_roughly_even_shares()
    {
        var faults = new EmulatorFaults { Rate = 0.3, Seed = 11 };
        var decided = Enumerable.Range(1, 9000).Select(n => faults.Decide("retarus", n)).ToList();

        Assert.InRange(decided.Count(d => d is not null), 2400, 3000);
        Assert.All(Enum.GetValues<EmulatedFault>(), kind => Assert.InRange(decided.Count(d => d == kind), 200, 400));
    }

    [Fact]
    public async Task A_provider_rate_overrides_the_global_rate()
    {
        var emulator = await Start(new EmulatorFaults { Rate = 0, ProviderRates = new Dictionary<string, double> { ["stonefax"] = 1 }, Kinds = [EmulatedFault.ServiceUnavailable] });
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));
        var stonefax = new Uri(emulator.StoneFaxBaseAddress, "fw/Apps/StoneFax/WebAPI/Faxes/Outbound/x");

        for (var i = 0; i < 10; i++)
        {
            using var phaxio = PhaxioGet("1");
            using var phaxioResponse = await _http.SendAsync(phaxio);
            using var stoneResponse = await _http.GetAsync(stonefax);
            Assert.Equal(HttpStatusCode.OK, phaxioResponse.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stoneResponse.StatusCode);
        }

        Assert.Equal(10, emulator.InjectedFaults.Count);
        Assert.All(emulator.InjectedFaults, f => Assert.Equal("stonefax", f.Provider));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => (long)n), emulator.InjectedFaults.Select(f => f.Ordinal));
    }

    [Fact]
    public async Task Faults_can_be_turned_on_and_off_at_run_time_and_are_validated()
    {
        var emulator = await Start(EmulatorFaults.None);
        emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1"));
        async Task<HttpStatusCode> Get()
        {
            using var request = PhaxioGet("1");
            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        var before = await Get();
        emulator.Faults = Always(EmulatedFault.ServiceUnavailable);
        var during = await Get();
        emulator.Faults = EmulatorFaults.None;
        var after = await Get();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], new[] { before, during, after });
        Assert.Equal(2, Assert.Single(emulator.InjectedFaults).Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults = new EmulatorFaults { Rate = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults = new EmulatorFaults { ProviderRates = new Dictionary<string, double> { ["phaxio"] = -0.1 } });
        Assert.Throws<ArgumentException>(() => emulator.Faults = new EmulatorFaults { Rate = 0.5, Kinds = [] });
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FaxEmulator.StartAsync(new FaxEmulatorOptions { Faults = new EmulatorFaults { Rate = double.NaN } }));
        Assert.Equal(EmulatorFaults.None, emulator.Faults);
    }

    [Theory]
    [InlineData(EmulatedFault.ServiceUnavailable)]
    [InlineData(EmulatedFault.TruncatedBody)]
    [InlineData(EmulatedFault.MalformedJson)]
    [InlineData(EmulatedFault.DroppedConnection)]
    public async Task A_faulted_retarus_delete_deletes_nothing(EmulatedFault kind)
    {
        var emulator = await Start(EmulatorFaults.None);
        var job = emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-DEL"));
        var other = emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJ-OTHER"));
        _clock.Advance(job.Duration);
        var retarus = FaultClients.Retarus(emulator, _http);
        var reports = await retarus.ReadReportsAsync().ToListAsync();
        var dc = emulator.RetarusDataCenters["DE1"];
        var c = emulator.Credentials;

        emulator.Faults = new EmulatorFaults { ProviderRates = new Dictionary<string, double> { ["retarus"] = 1 }, Kinds = [kind] };
        using var single = new HttpRequestMessage(HttpMethod.Delete, new Uri(dc, $"{c.RetarusCustomerNumber}/fax/reports/{job.JobId}"));
        single.Headers.Authorization = Basic(c.RetarusUsername, c.RetarusPassword);
        try
        {
            using var response = await _http.SendAsync(single);
            await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            // dropped or cut short: either way, the client cannot know whether it worked
        }

        await Assert.ThrowsAnyAsync<FaxSdkException>(() => retarus.AcknowledgeAsync(reports));
        await WaitForRequestsAsync(emulator, 4); // 2 reads, the single delete, one bulk delete on DE1
        Assert.Empty(emulator.RetarusDeletedReports);

        emulator.Faults = EmulatorFaults.None;
        await retarus.AcknowledgeAsync(reports);
        Assert.Equal([("DE1", job.JobId), ("DE1", other.JobId)], emulator.RetarusDeletedReports.Order());
    }

    private async Task<IReadOnlyList<EmulatedRequest>> WaitForRequestsAsync(FaxEmulator emulator, int count)
    {
        // The server records a request once it is done with it, which may be just after the client has given up:
        // wait for that without moving the clock.
        await _clock.WaitForIoAsync(() => emulator.Requests.Count >= count);

        Assert.Equal(count, emulator.Requests.Count);
        return emulator.Requests;
    }
}
