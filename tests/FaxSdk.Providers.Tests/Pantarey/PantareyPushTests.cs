using System.Net;
using System.Text;
using FaxSdk.Pantarey;
using FaxSdk.Providers.Tests.Push;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.Pantarey;

/// <summary>
/// The push FaxSdk defines for Pantarey (WEBHOOKS.md 6.2): the documented "Query fax status" output plus
/// <c>"test"</c>, with a bearer secret; delivery keys, the test flag on the job, and the confirming read.
/// </summary>
public class PantareyPushTests
{
    private const string Url = "https://hooks.example.com/faxsdk/hooks/pantarey";
    private const string Secret = "6e1f0c9b8a7d6e5f4c3b2a1908f7e6d5";
    private const string OldSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string ApiToken = "query-endpoint-token";

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pantarey", "push")).Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Push_fixture_reads_to_its_expected_canonical_json_through_the_descriptor(string fixture) =>
        ExpectedCanonical.Verify("pantarey/push", fixture, body => PantareyProvider.Descriptor.WebhookParser!(PushRig.Request(Url, body, "application/json")));

    [Fact]
    public void The_documented_output_plus_test_is_one_unsigned_push_whose_job_carries_the_test_flag()
    {
        var live = PantareyPushParser.Parse(Fixture.Bytes("pantarey/push", "finished-live.json"), "tenant-a");
        var sandbox = PantareyPushParser.Parse(Fixture.Bytes("pantarey/push", "error-sandbox.json"));

        Assert.Equal(new FaxJobReference("pantarey", "0d139d2c-4a10-11f1-b04d-001851328a39", "tenant-a", isTest: false), live.Job);
        Assert.Equal("pantarey:0d139d2c-4a10-11f1-b04d-001851328a39:finished:false", live.DeliveryKey);
        Assert.Equal(FaxPushTrust.Unsigned, live.Trust);
        Assert.Equal(FaxJobState.Succeeded, live.Status.State);
        Assert.True(sandbox.Job.IsTest);
        Assert.True(sandbox.Status.IsTest);
        Assert.Equal("pantarey:5b2f0a1e-4a10-11f1-b04d-001851328a39:error:true", sandbox.DeliveryKey);
        Assert.Equal(FaxJobState.Failed, sandbox.Status.State);
    }

    [Fact]
    public void The_same_job_and_status_in_the_other_mode_is_another_delivery()
    {
        var live = PantareyPushParser.Parse(Fixture.Bytes("pantarey/push", "finished-live.json"));
        var sandbox = PantareyPushParser.Parse(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixture.Bytes("pantarey/push", "finished-live.json")).Replace("\"test\": false", "\"test\": true", StringComparison.Ordinal)));

        Assert.NotEqual(live.DeliveryKey, sandbox.DeliveryKey);
        Assert.NotEqual(live.Job, sandbox.Job);
    }

    [Theory]
    [InlineData("""{"jobId":"j1","status":"finished","test":false,"test":true}""", "\"test\" twice")]
    [InlineData("""{"jobId":"j1","status":"finished","test":null}""", "not true or false")]
    [InlineData("""{"jobId":"..","status":"finished","test":false}""", "not valid")]
    [InlineData("""{"jobId":"j1","test":true}""", "task input")]
    [InlineData("""[{"jobId":"j1","status":"finished","test":false}]""", "an array")]
    [InlineData("""{"jobId":"j1","status":"finished","test":false""", "")]
    public void A_body_outside_the_contract_is_a_protocol_error(string body, string expected)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PantareyPushParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(bool enabled = true, string? previousSecret = null) => new()
    {
        ["FaxSdk:Pantarey:BaseAddress"] = "https://acme.pantarey.example/api/process/query-fax-status",
        ["FaxSdk:Pantarey:BearerToken"] = ApiToken,
        ["FaxSdk:Pantarey:Resilience:Enabled"] = "false",
        ["FaxSdk:Pantarey:Webhooks:Enabled"] = enabled ? "true" : "false",
        ["FaxSdk:Pantarey:Webhooks:Secret"] = Secret,
        ["FaxSdk:Pantarey:Webhooks:PreviousSecret"] = previousSecret,
    };

    private static PushRig Rig(Dictionary<string, string?> settings) => PushRig.Start(fax => fax.AddPantarey(), settings);

    private static FaxWebhookRequest Push(string fixture, string? authorization) =>
        PushRig.Request(Url, Fixture.Bytes("pantarey/push", fixture), "application/json", authorization is null ? [] : [("Authorization", authorization)]);

    [Fact]
    public void The_receiver_exists_only_while_webhooks_are_enabled()
    {
        using var off = Rig(Settings(enabled: false));
        using var on = Rig(Settings());

        Assert.Null(off.Receiver("pantarey"));
        var receiver = Assert.IsType<PantareyWebhookReceiver>(on.Receiver("pantarey"));
        Assert.Equal(("pantarey", PantareyWebhookOptions.DefaultMaxBodyBytes), (receiver.Provider, receiver.MaxBodyBytes));
    }

    [Theory]
    [InlineData(null, "missing Authorization header")]
    [InlineData("Bearer " + OldSecret, "wrong bearer token")]
    [InlineData("Bearer " + ApiToken, "wrong bearer token")]
    [InlineData("Basic " + Secret, "not Bearer authentication")]
    public async Task A_push_without_the_bearer_secret_gets_401_and_nothing_reaches_the_application(string? authorization, string reason)
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, Encoding.UTF8.GetString(Fixture.Bytes("pantarey", "seed-finished.json")));

        var (code, why, dispositions) = await rig.DeliverAsync(rig.Receiver("pantarey")!, Push("finished-live.json", authorization));

        Assert.Equal((401, reason), (code, why));
        Assert.Empty(dispositions);
        Assert.Empty(rig.Published);
        Assert.Empty(rig.ServerRequests);
    }

    [Fact]
    public async Task A_sandbox_final_push_is_confirmed_in_sandbox_mode_once_and_duplicates_change_nothing()
    {
        using var rig = Rig(Settings(previousSecret: OldSecret));
        rig.Answer(HttpStatusCode.OK, Encoding.UTF8.GetString(Fixture.Bytes("pantarey/push", "error-sandbox.json")));
        var receiver = rig.Receiver("pantarey")!;

        var first = await rig.DeliverAsync(receiver, Push("error-sandbox.json", "Bearer " + OldSecret));
        var again = await rig.DeliverAsync(receiver, Push("error-sandbox.json", "Bearer " + Secret));

        Assert.Equal(new[] { FaxPushDisposition.Published }, first.Dispositions);
        Assert.Equal(new[] { FaxPushDisposition.Duplicate }, again.Dispositions);
        var read = Assert.Single(rig.ServerRequests);
        Assert.Contains("\"test\":true", read.Body, StringComparison.Ordinal);
        Assert.Contains("5b2f0a1e-4a10-11f1-b04d-001851328a39", read.Body, StringComparison.Ordinal);
        var update = Assert.Single(rig.Published);
        Assert.Equal((FaxJobState.Failed, true), (update.Status.State, update.Job.IsTest));
    }

    [Fact]
    public async Task In_flight_pushes_are_published_without_a_read_and_a_final_state_the_read_contradicts_is_unconfirmed()
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, """{"jobId":"0d139d2c-4a10-11f1-b04d-001851328a39","status":"processing","errorCode":null,"statistics":{"pages":1,"recipientCount":1,"recipientCountSuccessful":0,"recipientCountError":0}}""");
        var receiver = rig.Receiver("pantarey")!;
        var processing = PushRig.Request(Url, """{"jobId":"0d139d2c-4a10-11f1-b04d-001851328a39","status":"processing","errorCode":null,"test":false}"""u8.ToArray(), "application/json", ("Authorization", "Bearer " + Secret));

        var inFlight = await rig.DeliverAsync(receiver, processing);
        var readsAfterInFlight = rig.ServerRequests.Count;
        var final = await rig.DeliverAsync(receiver, Push("finished-live.json", "Bearer " + Secret));

        Assert.Equal(new[] { FaxPushDisposition.Published }, inFlight.Dispositions);
        Assert.Equal(0, readsAfterInFlight);
        Assert.Equal(new[] { FaxPushDisposition.Unconfirmed }, final.Dispositions);
        Assert.Single(rig.ServerRequests);
        Assert.All(rig.Published, u => Assert.False(u.Status.IsTerminal));
    }
}
