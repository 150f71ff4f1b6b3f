using System.Net;
using System.Text;
using FaxSdk.Providers.Tests.Push;
using FaxSdk.Retarus;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.Retarus;

/// <summary>
/// Retarus's HTTP status push: the <c>faxJobReport</c> XML of the documentation (and the REST-shaped JSON), Basic
/// authentication, delivery keys, and what reaches the application through <see cref="FaxStatusClient.Pushes"/>.
/// </summary>
public class RetarusPushTests
{
    private const string Url = "https://hooks.example.com/faxsdk/hooks/retarus";
    private const string User = "faxsdk-push";
    private const string Password = "Vq7#kP2z!Lr9wX4mT6yB";
    private const string OldPassword = "old-Password-0123456789";

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "retarus", "push")).Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Push_fixture_reads_to_its_expected_canonical_json_through_the_descriptor(string fixture) =>
        ExpectedCanonical.Verify("retarus/push", fixture, body => RetarusProvider.Descriptor.WebhookParser!(
            PushRig.Request(Url, body, fixture.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/xml; charset=utf-8")));

    [Fact]
    public void The_documented_report_is_one_unsigned_push_keyed_by_job_recipient_status_and_time()
    {
        var push = Assert.Single(RetarusPushParser.ParseXml(Fixture.Bytes("retarus/push", "doc-example-ok.xml"), "eu"));

        Assert.Equal(new FaxJobReference("retarus", "FJIJPNJYN906EDIJNFGI5S", "eu"), push.Job);
        Assert.Equal(FaxPushTrust.Unsigned, push.Trust);
        Assert.Equal("retarus:FJIJPNJYN906EDIJNFGI5S:FNIJPNJYNA06EDIJNFUO1Q:OK:2018-11-08T15:38:08.0000000+00:00", push.DeliveryKey);
        Assert.Equal(FaxJobState.Succeeded, push.Status.State);
        var recipient = Assert.Single(push.Status.Recipients);
        Assert.Equal("+498912504001710", recipient.FaxNumber);
        Assert.Equal(TimeSpan.FromSeconds(26), recipient.CallDuration);
        Assert.Equal("+49/89/1250400-1710", recipient.RemoteCsid);
    }

    [Fact]
    public void The_xml_and_the_json_of_one_report_read_alike_and_share_their_key()
    {
        var xml = Assert.Single(RetarusPushParser.Parse(Fixture.Bytes("retarus/push", "two-recipients-one-busy.xml")));
        var json = Assert.Single(RetarusPushParser.Parse(Fixture.Bytes("retarus/push", "json-rest-shape.json")));

        Assert.Equal(xml.DeliveryKey, json.DeliveryKey);
        Assert.Equal(
            "retarus:FJKW3B2Q7105ZZBIELVCN1:FNKW3B2Q7A05ZZBIELVD02:OK:2026-11-24T09:14:51.0000000+00:00;FNKW3B2Q7A05ZZBIELVD03:BUSY:2026-11-24T09:31:07.0000000+00:00",
            xml.DeliveryKey);
        Assert.Equal(FaxJobState.PartiallySucceeded, xml.Status.State);
        Assert.Equal(xml.Status.State, json.Status.State);
        Assert.Equal(xml.Status.Recipients, json.Status.Recipients);
        Assert.Equal(2, xml.Status.Pages);
    }

    [Fact]
    public void A_report_with_many_recipients_has_a_bounded_key_that_still_changes_with_any_recipient()
    {
        static byte[] Report(string lastStatus) => Encoding.UTF8.GetBytes(
            "<faxJobReport><jobId>FJMANY</jobId>"
            + string.Concat(Enumerable.Range(0, 40).Select(i => $"<faxRecipient><number>+4989{i:D4}</number><numId>FN{i:D20}</numId><status>{(i == 39 ? lastStatus : "OK")}</status><durationInSecs>1</durationInSecs></faxRecipient>"))
            + "</faxJobReport>");

        var ok = Assert.Single(RetarusPushParser.ParseXml(Report("OK"))).DeliveryKey;
        var busy = Assert.Single(RetarusPushParser.ParseXml(Report("BUSY"))).DeliveryKey;

        Assert.StartsWith("retarus:FJMANY:sha256:", ok, StringComparison.Ordinal);
        Assert.True(ok.Length <= RetarusPushParser.MaxKeyLength);
        Assert.NotEqual(ok, busy);
        Assert.Equal(ok, Assert.Single(RetarusPushParser.ParseXml(Report("OK"))).DeliveryKey);
    }

    [Theory]
    [InlineData("<faxJobReport><jobId>..</jobId><faxRecipient><status>OK</status></faxRecipient></faxJobReport>", "not a valid job id")]
    [InlineData("<faxJobReport><faxRecipient><status>OK</status></faxRecipient></faxJobReport>", "has no jobId")]
    [InlineData("<faxJobReport><jobId>FJ1</jobId><faxRecipient><durationInSecs>ten</durationInSecs></faxRecipient></faxJobReport>", "whole number")]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "HTML page")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault/></soap:Body></soap:Envelope>", "SOAP fault")]
    [InlineData("", "not well-formed XML")]
    [InlineData("{\"jobId\":\"FJ1\"}", "send receipt")]
    public void A_body_that_is_not_a_readable_report_is_a_protocol_error_that_says_why(string body, string expected)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => RetarusPushParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_and_text_length_are_bounded()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40));
        var longText = $"<faxJobReport><jobId>FJ1</jobId><faxRecipient><reason>{new string('x', RetarusPushParser.MaxTextLength + 1)}</reason></faxRecipient></faxJobReport>";

        Assert.Contains("deeper than 32", Assert.Throws<FaxProtocolException>(() => RetarusPushParser.ParseXml(Encoding.UTF8.GetBytes(deep))).Message, StringComparison.Ordinal);
        Assert.Contains("more than 65536 characters", Assert.Throws<FaxProtocolException>(() => RetarusPushParser.ParseXml(Encoding.UTF8.GetBytes(longText))).Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(bool enabled = true, string? previousPassword = null) => new()
    {
        ["FaxSdk:Retarus:CustomerNumber"] = "99999TE",
        ["FaxSdk:Retarus:Username"] = "api-user",
        ["FaxSdk:Retarus:Password"] = "api-password",
        ["FaxSdk:Retarus:DataCenters:DE1"] = "https://dc1.retarus.example/rest/v1/",
        ["FaxSdk:Retarus:Resilience:Enabled"] = "false",
        ["FaxSdk:Retarus:Webhooks:Enabled"] = enabled ? "true" : "false",
        ["FaxSdk:Retarus:Webhooks:Username"] = User,
        ["FaxSdk:Retarus:Webhooks:Password"] = Password,
        ["FaxSdk:Retarus:Webhooks:PreviousPassword"] = previousPassword,
    };

    private static PushRig Rig(Dictionary<string, string?> settings) => PushRig.Start(fax => fax.AddRetarus(), settings);

    private static FaxWebhookRequest Push(string fixture, string? authorization) =>
        PushRig.Request(Url, Fixture.Bytes("retarus/push", fixture), "text/xml", authorization is null ? [] : [("Authorization", authorization)]);

    [Fact]
    public void The_receiver_exists_only_while_webhooks_are_enabled_and_takes_its_body_limit_from_configuration()
    {
        using var off = Rig(Settings(enabled: false));
        var settings = Settings();
        settings["FaxSdk:Retarus:Webhooks:MaxBodyBytes"] = "65536";
        using var on = Rig(settings);

        Assert.Null(off.Receiver("retarus"));
        var receiver = Assert.IsType<RetarusWebhookReceiver>(on.Receiver("retarus"));
        Assert.Equal(("retarus", "default", 65536L, false), (receiver.Provider, receiver.Instance, receiver.MaxBodyBytes, receiver.ReadsForm));
    }

    [Theory]
    [InlineData(null, "missing Authorization header")]
    [InlineData("wrong", "wrong credentials")]
    [InlineData("old", "wrong credentials")]
    [InlineData("bearer", "not Basic authentication")]
    public async Task A_push_without_the_right_credentials_gets_401_and_nothing_reaches_the_application(string? credentials, string reason)
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, """{"jobId":"FJIJPNJYN906EDIJNFGI5S","recipientStatus":[{"number":"+498912504001710","status":"OK","durationInSecs":26}]}""");
        var authorization = credentials switch
        {
            null => null,
            "wrong" => Basic(User, Password + "x"),
            "old" => Basic(User, OldPassword),
            _ => "Bearer " + Password,
        };

        var (code, why, dispositions) = await rig.DeliverAsync(rig.Receiver("retarus")!, Push("doc-example-ok.xml", authorization));

        Assert.Equal((401, reason), (code, why));
        Assert.Empty(dispositions);
        Assert.Empty(rig.Published);
        Assert.Empty(rig.ServerRequests);
    }

    [Fact]
    public async Task The_previous_password_works_during_a_rotation()
    {
        using var rig = Rig(Settings(previousPassword: OldPassword));
        rig.Answer(HttpStatusCode.OK, """{"jobId":"FJIJPNJYN906EDIJNFGI5S","recipientStatus":[{"number":"+498912504001710","status":"OK","durationInSecs":26}]}""");

        var (code, _, dispositions) = await rig.DeliverAsync(rig.Receiver("retarus")!, Push("doc-example-ok.xml", Basic(User, OldPassword)));

        Assert.Equal(200, code);
        Assert.Equal(new[] { FaxPushDisposition.Published }, dispositions);
    }

    [Fact]
    public async Task A_final_push_is_confirmed_by_one_read_published_once_and_never_goes_back()
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, """{"jobId":"FJIJPNJYN906EDIJNFGI5S","recipientStatus":[{"number":"+498912504001710","status":"OK","sentTs":"2018-11-08T15:38:08Z","durationInSecs":26}]}""");
        var receiver = rig.Receiver("retarus")!;
        var authorization = Basic(User, Password);

        var first = await rig.DeliverAsync(receiver, Push("doc-example-ok.xml", authorization));
        var again = await rig.DeliverAsync(receiver, Push("doc-example-ok.xml", authorization));
        var later = PushRig.Request(Url, Encoding.UTF8.GetBytes(
            "<faxJobReport><jobId>FJIJPNJYN906EDIJNFGI5S</jobId><faxRecipient><numId>FNIJPNJYNA06EDIJNFUO1Q</numId><status>PENDING</status></faxRecipient></faxJobReport>"),
            "text/xml", ("Authorization", authorization));
        var stale = await rig.DeliverAsync(receiver, later);

        Assert.Equal(new[] { FaxPushDisposition.Published }, first.Dispositions);
        Assert.Equal(new[] { FaxPushDisposition.Duplicate }, again.Dispositions);
        Assert.Equal(new[] { FaxPushDisposition.Stale }, stale.Dispositions);
        var request = Assert.Single(rig.ServerRequests);
        Assert.Equal("https://dc1.retarus.example/rest/v1/99999TE/fax/reports/FJIJPNJYN906EDIJNFGI5S", request.Uri);
        var update = Assert.Single(rig.Published);
        Assert.Equal(FaxJobState.Succeeded, update.Status.State);
        Assert.Equal(new FaxJobReference("retarus", "FJIJPNJYN906EDIJNFGI5S"), update.Job);
    }

    [Fact]
    public async Task A_final_push_the_read_does_not_confirm_is_unconfirmed_and_not_reported_final()
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.NotFound, "");
        var receiver = rig.Receiver("retarus")!;

        var (code, _, dispositions) = await rig.DeliverAsync(receiver, Push("doc-example-ok.xml", Basic(User, Password)));

        Assert.Equal(200, code);
        Assert.Equal(new[] { FaxPushDisposition.Unconfirmed }, dispositions);
        Assert.DoesNotContain(rig.Published, u => u.Status.IsTerminal);

        // Redelivered once the report exists: confirmed this time.
        rig.Answer(HttpStatusCode.OK, """{"jobId":"FJIJPNJYN906EDIJNFGI5S","recipientStatus":[{"number":"+498912504001710","status":"OK","durationInSecs":26}]}""");
        var retry = await rig.DeliverAsync(receiver, Push("doc-example-ok.xml", Basic(User, Password)));

        Assert.Equal(new[] { FaxPushDisposition.Published }, retry.Dispositions);
        Assert.Equal(FaxJobState.Succeeded, rig.Published[^1].Status.State);
    }
}
