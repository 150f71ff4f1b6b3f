using FaxSdk.Phaxio;

namespace FaxSdk.Providers.Tests.Phaxio;

/// <summary>
/// Phaxio pushes read into the canonical model: the stored bodies of <c>Fixtures/phaxio/webhooks</c> (written from
/// Phaxio's v2.1 webhook and v1/v2 callback documentation) against their expected canonical JSON, the event mapping,
/// the delivery keys of WEBHOOKS.md 2.5, and refusals.
/// </summary>
public class PhaxioWebhookParserTests
{
    private const string CompletedFax =
        """{"id":123456,"direction":"sent","num_pages":1,"status":"success","is_test":true,"created_at":"2024-05-01T10:00:00.000-05:00","completed_at":"2024-05-01T10:01:30.000-05:00","caller_id":"+15555550100","recipients":[{"phone_number":"+15555550123","status":"success","retry_count":0,"completed_at":"2024-05-01T10:01:30.000-05:00","bitrate":14400,"resolution":7700,"error_type":null,"error_id":null,"error_message":null}],"tags":{"order":"A-17"}}""";

    private const string TwoRecipientsInProgress =
        """{"id":555,"direction":"sent","num_pages":2,"status":"inprogress","is_test":false,"recipients":[{"phone_number":"+15555550001","status":"inprogress","retry_count":0},{"phone_number":"+15555550002","status":"queued","retry_count":0}]}""";

    private static FaxWebhookForm Form(params (string Name, string Value)[] fields) =>
        new() { Fields = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))] };

    public static TheoryData<string> Fixtures() =>
    [
        "fax-completed.multipart",
        "fax-completed-failure.multipart",
        "transmitting-page.multipart",
        "retry-scheduled.multipart",
        "v2-send-callback.form",
        "v1-send-callback.form",
        "received-fax.multipart",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_stored_push_reads_to_its_expected_canonical_json(string fixture) =>
        ExpectedCanonical.Verify(WebhookForms.Directory, fixture, body => [PhaxioWebhookParser.Parse(WebhookForms.Decode(fixture, body)).Status]);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_descriptor_reads_a_stored_request_as_the_parser_does(string fixture)
    {
        var form = WebhookForms.Load(fixture);
        var request = new FaxWebhookRequest { Url = WebhookForms.ExampleUrl, ContentType = WebhookForms.ContentType(fixture), Body = WebhookForms.Body(fixture), Form = form };

        FaxJobStatus? expected = null;
        try
        {
            expected = PhaxioWebhookParser.Parse(form).Status;
        }
        catch (FaxProtocolException)
        {
            Assert.Throws<FaxProtocolException>(() => PhaxioProvider.Descriptor.WebhookParser!(request));
            return;
        }

        Assert.Equal(expected, Assert.Single(PhaxioProvider.Descriptor.WebhookParser!(request)));
    }

    [Fact]
    public void Fax_completed_is_the_final_job_state_with_the_documented_delivery_key()
    {
        var push = PhaxioWebhookParser.Parse(WebhookForms.Load("fax-completed.multipart"));

        Assert.Equal("fax_completed", push.EventType);
        Assert.Equal(FaxJobState.Succeeded, push.Status.State);
        Assert.Equal("123456", push.Status.JobId);
        Assert.True(push.Status.IsTest);
        Assert.Equal("phaxio:123456:fax_completed:||:success", push.DeliveryKey);
    }

    [Fact]
    public void Fax_completed_failure_maps_the_error_through_the_status_parser()
    {
        var push = PhaxioWebhookParser.Parse(WebhookForms.Load("fax-completed-failure.multipart"));

        Assert.Equal(FaxJobState.Failed, push.Status.State);
        Assert.Equal(FaxFailureCategory.Busy, push.Status.Error!.Category);
        Assert.Equal("phaxio:123457:fax_completed:||:failure", push.DeliveryKey);
    }

    [Fact]
    public void Transmitting_page_makes_that_recipient_transmitting_and_keys_on_page_and_recipient()
    {
        var push = PhaxioWebhookParser.Parse(Form(("fax", TwoRecipientsInProgress), ("event_type", "transmitting_page"), ("page", "2"), ("recipient_phone_number", "+15555550001")));

        Assert.Equal(FaxJobState.InProgress, push.Status.State);
        Assert.Equal(FaxRecipientState.Transmitting, push.Status.Recipients[0].State);
        Assert.Equal(FaxRecipientState.Pending, push.Status.Recipients[1].State);
        Assert.Equal(2, push.Page);
        Assert.Equal("+15555550001", push.RecipientPhoneNumber);
        Assert.Equal("Page 2 is being transmitted to +15555550001.", push.Status.Detail);
        Assert.Equal("phaxio:555:transmitting_page:2||+15555550001:inprogress", push.DeliveryKey);
    }

    [Fact]
    public void Retry_scheduled_makes_that_recipient_retry_scheduled_and_keys_on_retry_count()
    {
        var push = PhaxioWebhookParser.Parse(Form(("fax", TwoRecipientsInProgress), ("event_type", "retry_scheduled"), ("retry_count", "3"), ("recipient_phone_number", "+15555550002")));

        Assert.Equal(FaxJobState.InProgress, push.Status.State);
        Assert.Equal(FaxRecipientState.RetryScheduled, push.Status.Recipients[1].State);
        Assert.NotEqual(FaxRecipientState.RetryScheduled, push.Status.Recipients[0].State);
        Assert.Equal(3, push.RetryCount);
        Assert.Equal("phaxio:555:retry_scheduled:|3|+15555550002:inprogress", push.DeliveryKey);
    }

    [Fact]
    public void An_in_flight_event_never_reopens_a_recipient_or_fax_the_fax_object_shows_final()
    {
        var push = PhaxioWebhookParser.Parse(Form(("fax", CompletedFax), ("event_type", "transmitting_page"), ("page", "1"), ("recipient_phone_number", "+15555550123")));

        Assert.Equal(FaxJobState.Succeeded, push.Status.State);
        Assert.Equal(FaxRecipientState.Succeeded, Assert.Single(push.Status.Recipients).State);
    }

    [Fact]
    public void Distinct_events_have_distinct_keys_and_a_redelivery_the_same_key()
    {
        (string, string)[] Event(string type, string page, string number) =>
            [("fax", TwoRecipientsInProgress), ("event_type", type), (type == "transmitting_page" ? "page" : "retry_count", page), ("recipient_phone_number", number)];

        var keys = new[]
        {
            PhaxioWebhookParser.Parse(Form(Event("transmitting_page", "1", "+15555550001"))).DeliveryKey,
            PhaxioWebhookParser.Parse(Form(Event("transmitting_page", "2", "+15555550001"))).DeliveryKey,
            PhaxioWebhookParser.Parse(Form(Event("transmitting_page", "1", "+15555550002"))).DeliveryKey,
            PhaxioWebhookParser.Parse(Form(Event("retry_scheduled", "1", "+15555550001"))).DeliveryKey,
            PhaxioWebhookParser.Parse(Form(("fax", CompletedFax), ("event_type", "fax_completed"))).DeliveryKey,
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(keys[1], PhaxioWebhookParser.Parse(Form(Event("transmitting_page", "2", "+15555550001"))).DeliveryKey);
    }

    [Fact]
    public void A_v2_send_callback_is_read_with_its_own_key()
    {
        var push = PhaxioWebhookParser.Parse(WebhookForms.Load("v2-send-callback.form"));

        Assert.Null(push.EventType);
        Assert.Equal(FaxJobState.Succeeded, push.Status.State);
        Assert.Equal("phaxio:123460:sent:success", push.DeliveryKey);
    }

    [Fact]
    public void A_callback_field_is_test_marks_a_fax_object_that_does_not_say()
    {
        var fax = """{"id":9,"direction":"sent","status":"queued","recipients":[{"phone_number":"+1","status":null}]}""";

        Assert.True(PhaxioWebhookParser.Parse(Form(("success", "true"), ("is_test", "true"), ("direction", "sent"), ("fax", fax))).Status.IsTest);
        Assert.False(PhaxioWebhookParser.Parse(Form(("success", "true"), ("is_test", "false"), ("direction", "sent"), ("fax", fax))).Status.IsTest);
    }

    [Fact]
    public void An_unknown_event_type_reads_as_its_fax_object_and_unknown_statuses_are_unknown()
    {
        var fax = """{"id":77,"direction":"sent","status":"sparkling","recipients":[{"phone_number":"+1","status":"teleported"}]}""";

        var push = PhaxioWebhookParser.Parse(Form(("fax", fax), ("event_type", "fax_sparkled")));

        Assert.Equal(FaxJobState.Unknown, push.Status.State);
        Assert.Equal(FaxRecipientState.Unknown, push.Status.Recipients[0].State);
        Assert.Equal("phaxio:77:fax_sparkled:||:sparkling", push.DeliveryKey);
    }

    public static TheoryData<string, (string, string)[]> Refused() => new()
    {
        { "received-fax webhook", [("direction", "received"), ("fax", CompletedFax), ("success", "true")] },
        { "no \"fax\" field", [("event_type", "fax_completed")] },
        { "not a Phaxio push", [("fax", CompletedFax)] },
        { "no \"page\" field", [("fax", TwoRecipientsInProgress), ("event_type", "transmitting_page"), ("recipient_phone_number", "+1")] },
        { "not a non-negative integer", [("fax", TwoRecipientsInProgress), ("event_type", "transmitting_page"), ("page", "-1"), ("recipient_phone_number", "+1")] },
        { "not a non-negative integer", [("fax", TwoRecipientsInProgress), ("event_type", "retry_scheduled"), ("retry_count", "99999999999"), ("recipient_phone_number", "+1")] },
        { "recipient_phone_number", [("fax", TwoRecipientsInProgress), ("event_type", "retry_scheduled"), ("retry_count", "1")] },
        { "recipient_phone_number", [("fax", TwoRecipientsInProgress), ("event_type", "retry_scheduled"), ("retry_count", "1"), ("recipient_phone_number", new string('9', 65))] },
        { "event_type", [("fax", CompletedFax), ("event_type", new string('x', 65))] },
        { "\"direction\" is 'outbound'", [("fax", CompletedFax), ("direction", "outbound")] },
        { "not valid JSON", [("fax", "{\"id\":"), ("event_type", "fax_completed")] },
        { "a received fax", [("fax", CompletedFax.Replace("\"direction\":\"sent\"", "\"direction\":\"received\"", StringComparison.Ordinal)), ("event_type", "fax_completed")] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Forms_that_are_not_a_sent_fax_push_are_typed_protocol_errors(string expected, (string, string)[] fields)
    {
        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioWebhookParser.Parse(Form(fields)));

        Assert.Equal("phaxio", exception.Provider);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_a_decoded_form_is_a_protocol_error()
    {
        var request = new FaxWebhookRequest { Url = WebhookForms.ExampleUrl, ContentType = "application/json", Body = "{}"u8.ToArray() };

        var exception = Assert.Throws<FaxProtocolException>(() => PhaxioWebhookParser.Parse(request));

        Assert.Contains("application/json", exception.Message, StringComparison.Ordinal);
    }
}
