using System.Net;
using System.Text;
using FaxSdk.Concord;
using FaxSdk.Providers.Tests.Push;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.Concord;

/// <summary>
/// Concord's push notification, written from its HttpBodyTemplate settings (form and SOAP): the shared secret (header
/// or query), delivery keys, and what reaches the application through <see cref="FaxStatusClient.Pushes"/>.
/// </summary>
public class ConcordPushTests
{
    private const string Url = "https://hooks.example.com/faxsdk/hooks/concord";
    private const string Secret = "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e";
    private const string OldSecret = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "concord", "push")).Select(f => Path.GetFileName(f)!).Order()];

    private static string ContentType(string fixture) =>
        fixture.EndsWith(".xml", StringComparison.Ordinal) ? "text/xml; charset=utf-8" : "application/x-www-form-urlencoded";

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Push_fixture_reads_to_its_expected_canonical_json_through_the_descriptor(string fixture) =>
        ExpectedCanonical.Verify("concord/push", fixture, body => ConcordProvider.Descriptor.WebhookParser!(PushRig.Request(Url, body, ContentType(fixture))));

    [Fact]
    public void The_form_and_the_soap_flavour_of_one_notification_read_alike_with_the_same_key()
    {
        var form = ConcordPushParser.ParseUrlEncoded(Fixture.Bytes("concord/push", "form-success.form"), "us");
        var soap = ConcordPushParser.ParseSoap(Fixture.Bytes("concord/push", "soap-success.xml"), "us");

        Assert.Equal("concord:br1234567890:1", form.DeliveryKey);
        Assert.Equal(form.DeliveryKey, soap.DeliveryKey);
        Assert.Equal(new FaxJobReference("concord", "br1234567890", "us"), form.Job);
        Assert.Equal(FaxPushTrust.Unsigned, form.Trust);
        Assert.Equal(form.Status, soap.Status);
        var recipient = Assert.Single(form.Status.Recipients);
        Assert.Equal((FaxRecipientState.Succeeded, TimeSpan.FromSeconds(48), "+1 212 555 0143"), (recipient.State, recipient.CallDuration, recipient.RemoteCsid));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 15, 2, TimeSpan.Zero), recipient.CompletedAt);
        Assert.Equal(2, form.Status.Pages);
    }

    [Fact]
    public void A_multipart_form_with_the_delivered_image_is_read_from_its_fields_and_the_file_is_ignored()
    {
        var form = new FaxWebhookForm
        {
            Fields =
            [
                new("AccountId", "12345"), new("ReferenceId", "INV-4712"), new("FaxJobId", "br1234567891"), new("FaxJobStatusId", "2"),
                new("StatusDescription", "Failure"), new("PageCount", "0"), new("FaxDeliveryDateTime", ""), new("FaxDeliveryDuration", "0"),
                new("RemoteFaxCSID", ""), new("ErrorCode", "1093"), new("ErrorString", "No answer from remote fax machine"),
                new("FaxJobStatusId", "1"), // a repeated field: the first value counts
            ],
            Files = [new FaxWebhookFile { Name = "DeliveredImage", FileName = "br1234567891.tif", ContentType = "image/tiff", Content = new byte[4096] }],
        };

        var push = ConcordPushParser.ParseForm(form);

        Assert.Equal("concord:br1234567891:2", push.DeliveryKey);
        Assert.Equal(FaxJobState.Failed, push.Status.State);
        Assert.Equal(("1093", "No answer from remote fax machine"), (push.Status.Error!.Code, push.Status.Error.Message));
    }

    [Fact]
    public void A_multipart_body_that_the_host_did_not_decode_is_refused_rather_than_guessed()
    {
        var request = PushRig.Request(Url, "--b\r\nContent-Disposition: form-data; name=\"FaxJobId\"\r\n\r\nbr1\r\n--b--"u8.ToArray(), "multipart/form-data; boundary=b");

        var exception = Assert.Throws<FaxProtocolException>(() => new ConcordWebhookReceiver(new ConcordWebhookOptions { Enabled = true, Secret = Secret }).Parse(request));

        Assert.Contains("multipart notification was not decoded", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FaxJobId=br1&FaxJobStatusId=one", "whole number")]
    [InlineData("FaxJobId=..&FaxJobStatusId=1", "not a valid job id")]
    [InlineData("FaxJobId=br%01x&FaxJobStatusId=1", "not a valid job id")]
    [InlineData("AccountId=1", "no FaxJobId")]
    public void A_form_that_is_not_a_readable_notification_is_a_protocol_error(string body, string expected)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => ConcordPushParser.ParseUrlEncoded(Encoding.UTF8.GetBytes(body)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_with_thousands_of_fields_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("FaxJobId=br1&FaxJobStatusId=1&" + string.Join('&', Enumerable.Range(0, 5000).Select(i => $"f{i}=x")));

        Assert.Contains("more than 256 fields", Assert.Throws<FaxProtocolException>(() => ConcordPushParser.ParseUrlEncoded(body)).Message, StringComparison.Ordinal);
        Assert.Throws<FaxProtocolException>(() => ConcordPushParser.ParseForm(new FaxWebhookForm { Fields = [.. Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))] }));
    }

    [Fact]
    public void A_large_delivered_image_is_skipped_unread_but_other_text_is_bounded()
    {
        var image = Convert.ToBase64String(new byte[300_000]);
        var soap = $"<Envelope><Body><FaxDeliveryNotification xmlns=\"C3FDNS\"><FaxJobId>br1</FaxJobId><FaxJobStatusId>1</FaxJobStatusId><DeliveredImage>{image}</DeliveredImage></FaxDeliveryNotification></Body></Envelope>";
        var longText = $"<FaxDeliveryNotification><FaxJobId>br1</FaxJobId><ErrorString>{new string('x', ConcordStatusParser.MaxTextLength + 1)}</ErrorString></FaxDeliveryNotification>";

        Assert.Equal(FaxJobState.Succeeded, ConcordPushParser.ParseSoap(Encoding.UTF8.GetBytes(soap)).Status.State);
        Assert.Throws<FaxProtocolException>(() => ConcordPushParser.ParseSoap(Encoding.UTF8.GetBytes(longText)));
    }

    private static Dictionary<string, string?> Settings(bool enabled = true, string? previousSecret = null) => new()
    {
        ["FaxSdk:Concord:UserId"] = "mbx1234567890",
        ["FaxSdk:Concord:AccessToken"] = "access-token",
        ["FaxSdk:Concord:BaseAddress"] = "https://ws.concord.example/fax/v5",
        ["FaxSdk:Concord:Resilience:Enabled"] = "false",
        ["FaxSdk:Concord:Webhooks:Enabled"] = enabled ? "true" : "false",
        ["FaxSdk:Concord:Webhooks:Secret"] = Secret,
        ["FaxSdk:Concord:Webhooks:PreviousSecret"] = previousSecret,
    };

    private static PushRig Rig(Dictionary<string, string?> settings) => PushRig.Start(fax => fax.AddConcord(), settings);

    private static string StatusAnswer(string jobId, int statusId) =>
        """{"GetFaxStatusResponse":{"return":true,"FaxStatusList":[{"FaxJobId":"JOB","FaxJobStatusId":STATUS,"StatusDescription":"","Error":{"ErrorCode":0,"ErrorString":""}}],"WSError":{"ErrorCode":0,"ErrorString":""}}}"""
            .Replace("JOB", jobId, StringComparison.Ordinal).Replace("STATUS", statusId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static FaxWebhookRequest Form(string fixture, string url = Url, params (string, string)[] headers) =>
        PushRig.Request(url, Fixture.Bytes("concord/push", fixture), "application/x-www-form-urlencoded", headers);

    [Fact]
    public void The_receiver_exists_only_while_webhooks_are_enabled_and_reads_forms()
    {
        using var off = Rig(Settings(enabled: false));
        using var on = Rig(Settings());

        Assert.Null(off.Receiver("concord"));
        var receiver = Assert.IsType<ConcordWebhookReceiver>(on.Receiver("concord"));
        Assert.Equal(("concord", "default", true, ConcordWebhookOptions.DefaultMaxBodyBytes), (receiver.Provider, receiver.Instance, receiver.ReadsForm, receiver.MaxBodyBytes));
    }

    public static TheoryData<string, string?, string?, bool> Secrets() => new()
    {
        // query secret, header secret, expected failure reason (null: accepted), with the previous secret configured
        { Secret, null, null, false },
        { "", Secret, null, false },
        { "", OldSecret, null, true },
        { "", OldSecret, "wrong secret", false },
        { Secret, OldSecret, "wrong secret", false },
        { "", null, "missing secret", false },
        { Secret[..^1], null, "wrong secret", false },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task The_secret_is_taken_from_the_header_or_else_the_query_and_a_wrong_one_gets_401(string querySecret, string? headerSecret, string? reason, bool rotating)
    {
        using var rig = Rig(Settings(previousSecret: rotating ? OldSecret : null));
        rig.Answer(HttpStatusCode.OK, StatusAnswer("br1234567890", 1));
        var url = querySecret.Length == 0 ? Url : $"{Url}?token={Uri.EscapeDataString(querySecret)}";
        var request = headerSecret is null ? Form("form-success.form", url) : Form("form-success.form", url, ("x-faxsdk-token", headerSecret));

        var (code, why, dispositions) = await rig.DeliverAsync(rig.Receiver("concord")!, request);

        if (reason is null)
        {
            Assert.Equal(200, code);
            Assert.Equal(new[] { FaxPushDisposition.Published }, dispositions);
        }
        else
        {
            Assert.Equal((401, reason), (code, why));
            Assert.Empty(rig.Published);
            Assert.Empty(rig.ServerRequests);
        }
    }

    [Fact]
    public async Task A_final_notification_is_confirmed_by_one_read_published_once_and_never_goes_back()
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, StatusAnswer("br1234567890", 1));
        var receiver = rig.Receiver("concord")!;
        var header = ("X-FaxSdk-Token", Secret);

        var form = await rig.DeliverAsync(receiver, Form("form-success.form", Url, header));
        var soap = await rig.DeliverAsync(receiver, PushRig.Request(Url, Fixture.Bytes("concord/push", "soap-success.xml"), "text/xml", header));
        var late = await rig.DeliverAsync(receiver, PushRig.Request(Url, "FaxJobId=br1234567890&FaxJobStatusId=3"u8.ToArray(), "application/x-www-form-urlencoded", header));

        Assert.Equal(new[] { FaxPushDisposition.Published }, form.Dispositions);
        Assert.Equal(new[] { FaxPushDisposition.Duplicate }, soap.Dispositions);
        Assert.Equal(new[] { FaxPushDisposition.Stale }, late.Dispositions);
        var read = Assert.Single(rig.ServerRequests);
        Assert.Contains("br1234567890", read.Body, StringComparison.Ordinal);
        var update = Assert.Single(rig.Published);
        Assert.Equal(FaxJobState.Succeeded, update.Status.State);
    }

    [Fact]
    public async Task A_named_instance_reads_its_own_webhooks_section_and_its_pushes_name_that_instance()
    {
        using var rig = PushRig.Start(fax => fax.AddConcord("eu"), new Dictionary<string, string?>
        {
            ["FaxSdk:Concord:Instances:eu:UserId"] = "mbx1234567890",
            ["FaxSdk:Concord:Instances:eu:AccessToken"] = "access-token",
            ["FaxSdk:Concord:Instances:eu:BaseAddress"] = "https://eu.concord.example/fax/v5",
            ["FaxSdk:Concord:Instances:eu:Resilience:Enabled"] = "false",
            ["FaxSdk:Concord:Instances:eu:Webhooks:Enabled"] = "true",
            ["FaxSdk:Concord:Instances:eu:Webhooks:Secret"] = Secret,
            ["FaxSdk:Concord:Instances:eu:Webhooks:SecretHeader"] = "X-Concord-Hook",
        });
        rig.Answer(HttpStatusCode.OK, StatusAnswer("br1234567890", 1));
        var receiver = rig.Receiver("concord", "eu")!;

        var (code, _, dispositions) = await rig.DeliverAsync(receiver, Form("form-success.form", Url, ("X-Concord-Hook", Secret)));

        Assert.Equal((200, "eu"), (code, receiver.Instance));
        Assert.Equal(new[] { FaxPushDisposition.Published }, dispositions);
        Assert.Equal(new FaxJobReference("concord", "br1234567890", "eu"), Assert.Single(rig.Published).Job);
        Assert.StartsWith("https://eu.concord.example/fax/v5", Assert.Single(rig.ServerRequests).Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_notification_the_read_contradicts_is_unconfirmed_and_not_reported_final()
    {
        using var rig = Rig(Settings());
        rig.Answer(HttpStatusCode.OK, StatusAnswer("br1234567891", 3));

        var (code, _, dispositions) = await rig.DeliverAsync(rig.Receiver("concord")!, Form("form-failure.form", $"{Url}?token={Secret}"));

        Assert.Equal(200, code);
        Assert.Equal(new[] { FaxPushDisposition.Unconfirmed }, dispositions);
        var update = Assert.Single(rig.Published);
        Assert.Equal(FaxJobState.InProgress, update.Status.State);
    }
}
