using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FaxSdk.Testing;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Providers.Tests.Push;

/// <summary>The emulator's pushes, captured on 127.0.0.1 and checked against the shapes WEBHOOKS.md documents.</summary>
public class EmulatorPushTests
{
    [Fact]
    public async Task Phaxio_sends_each_v2_1_event_in_order_as_multipart_signed_with_the_webhook_token()
    {
        await using var rig = await EmulatorPushRig.StartAsync();
        var job = rig.Emulator.AddJob(EmulatedJob.RetriesThenSucceeds("phaxio", "1004", FaxFailureCategory.NoAnswer) with { Pages = 2 });

        await rig.RunUntilAsync(TimeSpan.FromSeconds(1.75));
        Assert.Empty(rig.Capture.Pushes); // queued and dialling are not pushed
        await rig.RunUntilAsync(job.Duration + TimeSpan.FromSeconds(1));

        var pushes = rig.Capture.Pushes;
        var events = new List<string>();
        foreach (var push in pushes)
        {
            Assert.Equal(("POST", "/hooks/phaxio"), (push.Method, push.Path));
            Assert.StartsWith("multipart/form-data; boundary=", push.ContentType, StringComparison.Ordinal);
            var fields = await push.MultipartFieldsAsync();
            var signature = push.Header("X-Phaxio-Signature");
            Assert.Matches("^[0-9a-f]{40}$", signature);
            Assert.Equal(PhaxioPushes.Sign(rig.Emulator.Credentials.PhaxioWebhookToken, rig.UrlOf("phaxio"), fields, []), signature);

            var form = fields.ToDictionary(f => f.Name, f => f.Value);
            using var fax = JsonDocument.Parse(form["fax"]);
            Assert.Equal(1004, fax.RootElement.GetProperty("id").GetInt64());
            var status = fax.RootElement.GetProperty("status").GetString();
            var recipient = fax.RootElement.GetProperty("recipients")[0];
            switch (form["event_type"])
            {
                case "retry_scheduled":
                    Assert.Equal(["fax", "event_type", "retry_count", "recipient_phone_number"], fields.Select(f => f.Name));
                    Assert.Equal(("1", "inprogress", "willretry"), (form["retry_count"], status, recipient.GetProperty("status").GetString()));
                    events.Add("retry_scheduled");
                    break;
                case "transmitting_page":
                    Assert.Equal(["fax", "event_type", "page", "recipient_phone_number"], fields.Select(f => f.Name));
                    Assert.Equal(("inprogress", "callactive"), (status, recipient.GetProperty("status").GetString()));
                    events.Add("transmitting_page " + form["page"]);
                    break;
                default:
                    Assert.Equal(["fax", "event_type"], fields.Select(f => f.Name));
                    Assert.Equal(("success", "success"), (status, recipient.GetProperty("status").GetString()));
                    Assert.Equal(JsonValueKind.String, fax.RootElement.GetProperty("completed_at").ValueKind);
                    events.Add(form["event_type"]);
                    break;
            }

            if (form.TryGetValue("recipient_phone_number", out var number))
            {
                Assert.Equal(job.Recipients[0].FaxNumber, number);
            }
        }

        Assert.Equal(["retry_scheduled", "transmitting_page 1", "transmitting_page 2", "fax_completed"], events);
        Assert.Equal(
            [EmulatorPushRig.Start.AddSeconds(2), EmulatorPushRig.Start.AddSeconds(5), EmulatorPushRig.Start.AddSeconds(5), EmulatorPushRig.Start.AddSeconds(7)],
            rig.Emulator.Pushes.Select(p => p.At));
        Assert.All(rig.Emulator.Pushes, p => Assert.Equal((true, 200, (EmulatedPushFault?)null), (p.Sent, p.StatusCode, p.Fault)));
        Assert.Equal([false, false, false, true], rig.Emulator.Pushes.Select(p => p.IsFinal));
    }

    [Fact]
    public async Task Phaxio_in_flight_events_can_be_turned_off_leaving_only_fax_completed()
    {
        await using var rig = await EmulatorPushRig.StartAsync(push: new EmulatorPushOptions { PhaxioInflightEvents = false });
        var job = rig.Emulator.AddJob(EmulatedJob.PartiallySucceeds("phaxio", "1002"));

        await rig.RunUntilAsync(job.Duration);

        var push = Assert.Single(rig.Capture.Pushes);
        var form = (await push.MultipartFieldsAsync()).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("fax_completed", form["event_type"]);
        using var fax = JsonDocument.Parse(form["fax"]);
        Assert.Equal("partialsuccess", fax.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Retarus_sends_one_faxJobReport_per_job_once_complete_with_Basic_credentials()
    {
        await using var rig = await EmulatorPushRig.StartAsync();
        var job = rig.Emulator.AddJob(EmulatedJob.PartiallySucceeds("retarus", "FJJ5WA23UO05ZZBIELDE22", FaxFailureCategory.Busy));

        await rig.RunUntilAsync(job.Duration - TimeSpan.FromMilliseconds(250));
        Assert.Empty(rig.Capture.Pushes);
        await rig.RunUntilAsync(job.Duration + TimeSpan.FromSeconds(2));

        var push = Assert.Single(rig.Capture.Pushes);
        Assert.Equal(("POST", "/hooks/retarus"), (push.Method, push.Path));
        Assert.StartsWith("text/xml", push.ContentType, StringComparison.Ordinal);
        var credentials = rig.Emulator.Credentials;
        var authorization = AuthenticationHeaderValue.Parse(push.Header("Authorization")!);
        Assert.Equal("Basic", authorization.Scheme);
        Assert.Equal($"{credentials.RetarusPushUsername}:{credentials.RetarusPushPassword}", Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter!)));

        XNamespace ns = "http://retarus.com/fax4ba/faxws/3/0";
        var report = XDocument.Parse(push.Text).Root!;
        Assert.Equal(ns + "faxJobReport", report.Name);
        Assert.Equal(job.JobId, report.Element(ns + "jobId")!.Value);
        Assert.Equal(rig.UrlOf("retarus"), report.Element(ns + "httpStatusPush")!.Element(ns + "url")!.Value);
        Assert.Equal("HTTP_BASIC", report.Element(ns + "httpStatusPush")!.Element(ns + "authMethod")!.Value);
        var recipients = report.Elements(ns + "faxRecipient").ToList();
        Assert.Equal(job.Recipients.Select(r => r.FaxNumber), recipients.Select(r => r.Element(ns + "number")!.Value));
        Assert.Equal(["OK", "BUSY"], recipients.Select(r => r.Element(ns + "status")!.Value));
        Assert.Equal(2, recipients.Select(r => r.Element(ns + "numId")!.Value).Distinct().Count());
        Assert.All(recipients, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r.Element(ns + "sentTS")!.Value));
        Assert.Equal("2026-11-02T09:00:04Z", recipients[0].Element(ns + "sentTS")!.Value);
    }

    [Theory]
    [InlineData(EmulatedConcordPushFormat.Form)]
    [InlineData(EmulatedConcordPushFormat.Soap)]
    public async Task Concord_sends_the_delivery_notification_on_completion_with_the_shared_secret(EmulatedConcordPushFormat format)
    {
        await using var rig = await EmulatorPushRig.StartAsync(push: new EmulatorPushOptions { ConcordFormat = format });
        var failed = rig.Emulator.AddJob(EmulatedJob.Fails("concord", "br0000000002", FaxFailureCategory.Busy));
        var delivered = rig.Emulator.AddJob(EmulatedJob.Succeeds("concord", "br0000000001"));

        await rig.RunUntilAsync(delivered.Duration + TimeSpan.FromSeconds(1));

        var pushes = rig.Capture.Pushes;
        Assert.Equal(2, pushes.Count);
        Assert.All(pushes, p => Assert.Equal(("/hooks/concord", rig.Emulator.Credentials.ConcordPushSecret), (p.Path, p.Header(FaxEmulator.ConcordPushSecretHeader))));
        var notifications = pushes.Select(p =>
        {
            if (format == EmulatedConcordPushFormat.Form)
            {
                Assert.Equal("application/x-www-form-urlencoded", p.ContentType);
                return p.FormFields();
            }

            Assert.StartsWith("text/xml", p.ContentType, StringComparison.Ordinal);
            Assert.Equal("C3FDNS/FaxDeliveryNotification", p.Header("SOAPAction"));
            var envelope = XDocument.Parse(p.Text).Root!;
            Assert.Equal(XName.Get("Envelope", "http://schemas.xmlsoap.org/soap/envelope/"), envelope.Name);
            var notification = envelope.Descendants(XName.Get("FaxDeliveryNotification", "C3FDNS")).Single();
            return notification.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        }).ToList();

        string[] documented = ["AccountId", "ReferenceId", "FaxJobId", "FaxJobStatusId", "StatusDescription", "PageCount", "FaxDeliveryDateTime", "FaxDeliveryDuration", "RemoteFaxCSID", "ErrorCode", "ErrorString"];
        Assert.All(notifications, n => Assert.Superset(documented.ToHashSet(), n.Keys.ToHashSet()));
        Assert.Equal([("br0000000002", "2"), ("br0000000001", "1")], notifications.Select(n => (n["FaxJobId"], n["FaxJobStatusId"])));
        Assert.NotEqual("0", notifications[0]["ErrorCode"]);
        Assert.Equal("0", notifications[1]["ErrorCode"]);
    }

    [Fact]
    public async Task Pantarey_sends_the_query_output_plus_test_at_each_status_change_with_the_bearer_secret()
    {
        await using var rig = await EmulatorPushRig.StartAsync();
        var job = rig.Emulator.AddJob(EmulatedJob.PausedThenSucceeds("pantarey", "4b57d160-4a10-11f1-b04d-001851328a39") with { IsTest = true });

        await rig.RunUntilAsync(job.Duration + TimeSpan.FromSeconds(1));

        var pushes = rig.Capture.Pushes;
        Assert.All(pushes, p =>
        {
            Assert.Equal(("/hooks/pantarey", "application/json; charset=utf-8"), (p.Path, p.ContentType));
            Assert.Equal($"Bearer {rig.Emulator.Credentials.PantareyPushToken}", p.Header("Authorization"));
        });
        var bodies = pushes.Select(p => JsonDocument.Parse(p.Body)).ToList();
        Assert.Equal(["scheduling", "scheduled", "halted", "scheduled", "processing", "finished"], bodies.Select(b => b.RootElement.GetProperty("status").GetString()));
        Assert.All(bodies, b => Assert.Equal((job.JobId, true), (b.RootElement.GetProperty("jobId").GetString(), b.RootElement.GetProperty("test").GetBoolean())));
        var final = bodies[^1].RootElement;
        Assert.Equal(0, final.GetProperty("recipients")[0].GetProperty("resultCode").GetInt32());
        Assert.Equal(1, final.GetProperty("statistics").GetProperty("recipientCountSuccessful").GetInt32());
        Assert.False(bodies[^2].RootElement.TryGetProperty("recipients", out _)); // recipients only at a terminal status
        bodies.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task Every_default_job_but_StoneFax_ends_with_exactly_one_final_push_and_StoneFax_pushes_nothing()
    {
        await using var rig = await EmulatorPushRig.StartAsync();
        var jobs = rig.Emulator.SeedDefaultJobs();

        await rig.RunUntilAsync(jobs.Max(j => j.Duration) + TimeSpan.FromSeconds(1));

        var pushes = rig.Emulator.Pushes;
        Assert.DoesNotContain(rig.Capture.Pushes, p => p.Path.Contains("stonefax", StringComparison.Ordinal));
        Assert.Equal(pushes.Count, rig.Capture.Pushes.Count);
        foreach (var job in jobs.Where(j => j.Provider != "stonefax"))
        {
            var own = pushes.Where(p => p.JobId == job.JobId).ToList();
            Assert.Single(own, p => p.IsFinal);
            Assert.True(own[^1].IsFinal, $"{job.Provider} {job.JobId}: the final push is the last");
            Assert.All(own, p => Assert.Equal(200, p.StatusCode));
        }
    }

    [Fact]
    public async Task Lost_pushes_are_recorded_but_never_sent()
    {
        await using var rig = await EmulatorPushRig.StartAsync(new EmulatorFaults { PushRate = 1, PushKinds = [EmulatedPushFault.Lost] });
        var jobs = new[] { rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1001")), rig.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJJ5Y09UM505ZZBIELCRYC")) };

        await rig.RunUntilAsync(jobs.Max(j => j.Duration) + TimeSpan.FromSeconds(1));

        Assert.Empty(rig.Capture.Pushes);
        Assert.Equal(3, rig.Emulator.Pushes.Count); // phaxio transmitting_page + fax_completed, retarus report
        Assert.All(rig.Emulator.Pushes, p => Assert.Equal((false, 0, (EmulatedPushFault?)EmulatedPushFault.Lost), (p.Sent, p.StatusCode, p.Fault)));
        Assert.Equal(rig.Emulator.Pushes.Select(p => (p.JobId, p.Index, EmulatedPushFault.Lost)), rig.Emulator.InjectedPushFaults.Select(f => (f.JobId, f.Index, f.Kind)));
    }

    [Fact]
    public async Task A_duplicate_is_the_same_request_delivered_twice()
    {
        await using var rig = await EmulatorPushRig.StartAsync(new EmulatorFaults { PushRate = 1, PushKinds = [EmulatedPushFault.Duplicate] });
        var job = rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1001"));

        await rig.RunUntilAsync(job.Duration);

        var pushes = rig.Capture.Pushes;
        Assert.Equal(4, pushes.Count);
        for (var i = 0; i < pushes.Count; i += 2)
        {
            Assert.Equal(pushes[i].Body, pushes[i + 1].Body);
            Assert.Equal(pushes[i].Header("X-Phaxio-Signature"), pushes[i + 1].Header("X-Phaxio-Signature"));
        }

        Assert.Equal([null, EmulatedPushFault.Duplicate, null, EmulatedPushFault.Duplicate], rig.Emulator.Pushes.Select(p => p.Fault));
    }

    [Fact]
    public async Task A_bad_signature_copy_comes_first_fails_the_documented_checks_and_the_genuine_push_follows()
    {
        var credentials = new EmulatorCredentials();
        int Answer(CapturedPush push) => Genuine(push, credentials) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        await using var rig = await EmulatorPushRig.StartAsync(new EmulatorFaults { PushRate = 1, PushKinds = [EmulatedPushFault.BadSignature] }, Answer);
        var jobs = new[]
        {
            rig.Emulator.AddJob(EmulatedJob.Fails("phaxio", "1003", FaxFailureCategory.InvalidNumber)),
            rig.Emulator.AddJob(EmulatedJob.Succeeds("retarus", "FJJ5Y09UM505ZZBIELCRYC")),
            rig.Emulator.AddJob(EmulatedJob.Succeeds("concord", "br0000000001")),
            rig.Emulator.AddJob(EmulatedJob.Canceled("pantarey", "3a46c05f-4a10-11f1-b04d-001851328a39")),
        };

        await rig.RunUntilAsync(jobs.Max(j => j.Duration) + TimeSpan.FromSeconds(1));

        var pushes = rig.Emulator.Pushes;
        Assert.NotEmpty(pushes);
        Assert.Equal(pushes.Count, rig.Capture.Pushes.Count);
        foreach (var job in jobs)
        {
            var own = pushes.Where(p => p.JobId == job.JobId).ToList();
            Assert.True(own.Count % 2 == 0 && own.Count > 0, $"{job.JobId}: forged and genuine in pairs");
            for (var i = 0; i < own.Count; i += 2)
            {
                Assert.Equal((EmulatedPushFault.BadSignature, 401), (own[i].Fault!.Value, own[i].StatusCode));
                Assert.Equal(((EmulatedPushFault?)null, 200), (own[i + 1].Fault, own[i + 1].StatusCode));
                Assert.Equal(own[i].Index, own[i + 1].Index);
            }
        }
    }

    [Fact]
    public async Task Out_of_order_holds_an_in_flight_event_back_until_after_the_final_push()
    {
        await using var rig = await EmulatorPushRig.StartAsync(new EmulatorFaults { PushRate = 1, PushKinds = [EmulatedPushFault.OutOfOrder] });
        var job = rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1001"));

        await rig.RunUntilAsync(job.Duration - TimeSpan.FromMilliseconds(250));
        Assert.Empty(rig.Capture.Pushes); // transmitting_page (due at 2 s) is held back
        await rig.RunUntilAsync(job.Duration);

        var forms = new List<Dictionary<string, string>>();
        foreach (var push in rig.Capture.Pushes)
        {
            forms.Add((await push.MultipartFieldsAsync()).ToDictionary(f => f.Name, f => f.Value));
        }

        Assert.Equal(["fax_completed", "transmitting_page"], forms.Select(f => f["event_type"]));
        using var late = JsonDocument.Parse(forms[1]["fax"]);
        Assert.Equal("inprogress", late.RootElement.GetProperty("status").GetString()); // it still shows the state it was made in
        var injected = Assert.Single(rig.Emulator.InjectedPushFaults);
        Assert.Equal(new InjectedPushFault("phaxio", "1001", "transmitting_page", 0, EmulatedPushFault.OutOfOrder), injected);
        Assert.Equal([(1, (EmulatedPushFault?)null), (0, EmulatedPushFault.OutOfOrder)], rig.Emulator.Pushes.Select(p => (p.Index, p.Fault)));
    }

    [Fact]
    public async Task Push_faults_depend_only_on_the_seed_and_the_jobs()
    {
        async Task<IReadOnlyList<InjectedPushFault>> FaultsAsync(int seed)
        {
            await using var rig = await EmulatorPushRig.StartAsync(new EmulatorFaults { PushRate = 0.5, Seed = seed });
            rig.Emulator.SeedDefaultJobs();
            return rig.Emulator.InjectedPushFaults;
        }

        var first = await FaultsAsync(7);
        var again = await FaultsAsync(7);
        var other = await FaultsAsync(8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(Enum.GetValues<EmulatedPushFault>().Order(), first.Select(f => f.Kind).Distinct().Order());
    }

    [FsCheck.Xunit.Property]
    public bool Out_of_order_is_never_chosen_for_a_push_that_cannot_arrive_late(int seed, string jobId, byte index) =>
        new EmulatorFaults { PushRate = 1, Seed = seed, PushKinds = [EmulatedPushFault.OutOfOrder, EmulatedPushFault.Lost] }
            .DecidePush("phaxio", jobId ?? "", index, canArriveLate: false) == EmulatedPushFault.Lost;

    [Fact]
    public async Task Pushes_due_while_the_queue_is_full_are_recorded_as_not_sent()
    {
        using var gate = new SemaphoreSlim(0);
        await using var rig = await EmulatorPushRig.StartAsync(
            answer: _ => gate.Wait(TimeSpan.FromSeconds(30)) ? 200 : 500, // holds the first push on the wire
            push: new EmulatorPushOptions { MaxQueuedPushes = 1, PhaxioInflightEvents = false });
        var jobs = Enumerable.Range(1, 4).Select(i => rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", $"10{i}"))).ToList();

        rig.Clock.Advance(jobs[0].Duration); // four fax_completed pushes fall due at once

        var dropped = rig.Emulator.Pushes.Where(p => p.Error is not null).ToList();
        Assert.InRange(dropped.Count, 2, 3); // one on the wire (or about to be), one waiting, the rest dropped
        Assert.All(dropped, p => Assert.Equal((false, 0), (p.Sent, p.StatusCode)));
        Assert.All(dropped, p => Assert.Contains("more than 1 pushes were waiting", p.Error, StringComparison.Ordinal));
        gate.Release(4);
        await rig.SentAsync();
        Assert.Equal(4 - dropped.Count, rig.Capture.Pushes.Count);
        Assert.Equal(4, rig.Emulator.Pushes.Count);
    }

    [Fact]
    public async Task Stopping_the_emulator_stops_its_pushes()
    {
        var rig = await EmulatorPushRig.StartAsync();
        try
        {
            var job = rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1001"));
            await rig.Emulator.StopAsync();

            rig.Clock.Advance(job.Duration + TimeSpan.FromSeconds(1));
            await rig.SentAsync();

            Assert.Empty(rig.Capture.Pushes);
            Assert.Empty(rig.Emulator.Pushes);
        }
        finally
        {
            await rig.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_configuration_carries_webhook_settings_that_match_the_pushes()
    {
        await using var rig = await EmulatorPushRig.StartAsync(push: new EmulatorPushOptions { Instance = "eu" });
        var settings = rig.Emulator.CreateConfiguration();
        var credentials = rig.Emulator.Credentials;

        Assert.Equal(rig.Capture.Address, settings["FaxSdk:Webhooks:PublicBaseUrl"]);
        Assert.Equal(credentials.PhaxioApiKey, settings["FaxSdk:Phaxio:Instances:eu:ApiKey"]);
        Assert.Equal(("true", credentials.PhaxioWebhookToken), (settings["FaxSdk:Phaxio:Instances:eu:Webhooks:Enabled"], settings["FaxSdk:Phaxio:Instances:eu:Webhooks:Token"]));
        Assert.Equal(credentials.RetarusPushPassword, settings["FaxSdk:Retarus:Instances:eu:Webhooks:Password"]);
        Assert.Equal(credentials.ConcordPushSecret, settings["FaxSdk:Concord:Instances:eu:Webhooks:Secret"]);
        Assert.Equal(credentials.PantareyPushToken, settings["FaxSdk:Pantarey:Instances:eu:Webhooks:Secret"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("FaxSdk:StoneFax", StringComparison.Ordinal) && k.Contains("Webhooks", StringComparison.Ordinal));

        // The signed URL is the public base URL plus the endpoint's path: what a receiver rebuilds.
        var job = rig.Emulator.AddJob(EmulatedJob.Succeeds("phaxio", "1001"));
        await rig.RunUntilAsync(job.Duration);
        var push = rig.Capture.Pushes[^1];
        Assert.Equal("/hooks/phaxio/eu", push.Path);
        Assert.Equal(
            PhaxioPushes.Sign(settings["FaxSdk:Phaxio:Instances:eu:Webhooks:Token"]!, settings["FaxSdk:Webhooks:PublicBaseUrl"] + push.Path, await push.MultipartFieldsAsync(), []),
            push.Header("X-Phaxio-Signature"));
    }

    [Fact]
    public async Task Without_push_options_nothing_is_pushed_and_the_configuration_has_no_webhook_settings()
    {
        await using var emulator = await FaxEmulator.StartAsync();
        emulator.AddJob(EmulatedJob.Succeeds("pantarey", "0d139d2c-4a10-11f1-b04d-001851328a39"));

        await emulator.WhenPushesSentAsync();

        Assert.Empty(emulator.Pushes);
        Assert.DoesNotContain(emulator.CreateConfiguration().Keys, k => k.Contains("Webhooks", StringComparison.Ordinal));
    }

    /// <summary>Whether a captured push carries the genuine signature or credential (what a receiver checks).</summary>
    private static bool Genuine(CapturedPush push, EmulatorCredentials credentials)
    {
        var provider = push.Path.Split('/')[^1];
        var authorization = push.Header("Authorization");
        return provider switch
        {
            "phaxio" => push.Header("X-Phaxio-Signature") == PhaxioPushes.Sign(
                credentials.PhaxioWebhookToken,
                $"http://{push.Headers["Host"]}{push.Path}",
                push.MultipartFieldsAsync().GetAwaiter().GetResult(),
                []),
            "retarus" => authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.RetarusPushUsername}:{credentials.RetarusPushPassword}")),
            "concord" => push.Header(FaxEmulator.ConcordPushSecretHeader) == credentials.ConcordPushSecret,
            "pantarey" => authorization == "Bearer " + credentials.PantareyPushToken,
            _ => false,
        };
    }
}
