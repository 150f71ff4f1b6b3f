using System.Globalization;
using System.Text;

namespace FaxSdk.Phaxio;

/// <summary>
/// Reads Phaxio's pushes into the canonical model: the API v2.1 send webhooks (<c>fax_completed</c>,
/// <c>transmitting_page</c>, <c>retry_scheduled</c>) and the older v1/v2 send callbacks (<c>success</c>,
/// <c>is_test</c>, <c>direction</c>, <c>fax</c>), from their decoded form (<c>multipart/form-data</c> or url-encoded).
/// It does not authenticate: check <see cref="PhaxioWebhookSignature"/> first.
/// </summary>
/// <remarks>
/// <para>The <c>fax</c> field is a JSON fax object, read by <see cref="PhaxioStatusParser.ParseFax"/> (so the same rules,
/// bounds and errors apply, and <see cref="FaxOutcomeRule"/>). <c>fax_completed</c> is that status as it is: the final
/// job state. <c>transmitting_page</c> makes the named recipient <see cref="FaxRecipientState.Transmitting"/> and
/// <c>retry_scheduled</c> makes it <see cref="FaxRecipientState.RetryScheduled"/>, unless the fax object already shows it
/// (or the whole fax) final; the job is then <see cref="FaxJobState.InProgress"/>. An event type FaxSdk does not know is
/// read as its fax object's status.</para>
/// <para>A received-fax webhook or callback (<c>direction</c> <c>received</c>, or a <c>file</c>/<c>filename</c> part
/// holding the fax) is refused with a <see cref="FaxProtocolException"/>: FaxSdk tracks the faxes you send. So are a v1
/// fax object (API v1 is not supported), a form without a <c>fax</c> field, and an in-flight event without its
/// documented parameters.</para>
/// </remarks>
public static class PhaxioWebhookParser
{
    /// <summary>The v2.1 postflight event, "triggered when the fax completes".</summary>
    public const string FaxCompleted = "fax_completed";

    /// <summary>The v2.1 inflight event, "triggered whenever a new page is being transmitted".</summary>
    public const string TransmittingPage = "transmitting_page";

    /// <summary>The v2.1 inflight event, "triggered when a retry has been scheduled for the fax".</summary>
    public const string RetryScheduled = "retry_scheduled";

    private const string ProviderId = PhaxioStatusParser.ProviderId;
    private const int MaxShortValue = 64;

    /// <summary>Reads a stored or received request: its decoded form (<see cref="FaxWebhookRequest.Form"/>).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The push.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="FaxProtocolException">The body was not decoded as a form, or as for <see cref="Parse(FaxWebhookForm)"/>.</exception>
    /// <exception cref="FaxSdkException">The <c>fax</c> field is a response envelope that says <c>"success": false</c>.</exception>
    public static PhaxioWebhookEvent Parse(FaxWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Form is { } form
            ? Parse(form)
            : throw Protocol($"a Phaxio push is a form (multipart/form-data or application/x-www-form-urlencoded), and this body was not decoded as one (Content-Type: {Bounded(request.ContentType ?? "none", 128)}).");
    }

    /// <summary>Reads a push from its decoded form.</summary>
    /// <param name="form">Every field and file part of the request.</param>
    /// <returns>The push: its canonical status and delivery key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="form"/> is <see langword="null"/>.</exception>
    /// <exception cref="FaxProtocolException">A received-fax push; no <c>fax</c> field; neither an <c>event_type</c> nor the
    /// callback fields; an in-flight event without its <c>page</c>/<c>retry_count</c> (a non-negative integer) or
    /// <c>recipient_phone_number</c>; or a <c>fax</c> field <see cref="PhaxioStatusParser.ParseFax"/> refuses.</exception>
    /// <exception cref="FaxSdkException">The <c>fax</c> field is a response envelope that says <c>"success": false</c>.</exception>
    public static PhaxioWebhookEvent Parse(FaxWebhookForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var direction = form.GetField("direction");
        if (string.Equals(direction, "received", StringComparison.OrdinalIgnoreCase) || form.Files.Any(f => f.Name is "file" or "filename"))
        {
            throw Protocol("the push is a received-fax webhook (\"direction\": received, or the fax as a \"file\" part): FaxSdk tracks the faxes you send; point Phaxio's receive webhook at another endpoint.");
        }

        var eventType = form.GetField("event_type");
        var isCallback = eventType is null;
        if (isCallback && form.GetField("success") is null && form.GetField("is_test") is null && direction is null)
        {
            throw Protocol("the form is not a Phaxio push: it has no \"event_type\" (v2.1 webhook) and none of \"success\", \"is_test\", \"direction\" (v1/v2 callback).");
        }

        if (eventType is not null && (eventType.Length is 0 or > MaxShortValue))
        {
            throw Protocol("\"event_type\" is empty or too long to be a Phaxio event type.");
        }

        if (direction is not null && !string.Equals(direction, "sent", StringComparison.OrdinalIgnoreCase))
        {
            throw Protocol($"\"direction\" is '{Bounded(direction, MaxShortValue)}'; a sent fax's push says 'sent'.");
        }

        var fax = form.GetField("fax") ?? throw Protocol("the push has no \"fax\" field (the fax object as JSON).");
        var status = PhaxioStatusParser.ParseFax(Encoding.UTF8.GetBytes(fax));
        if (!status.IsTest && IsTrue(form.GetField("is_test")))
        {
            status = status with { IsTest = true };
        }

        var rawStatus = Bounded(status.ProviderStatus ?? "", MaxShortValue);
        if (isCallback)
        {
            return new PhaxioWebhookEvent
            {
                Status = status,
                DeliveryKey = $"{ProviderId}:{status.JobId}:{(direction ?? "sent").ToLowerInvariant()}:{rawStatus}",
            };
        }

        int? page = null, retryCount = null;
        string? recipient = null;
        switch (eventType)
        {
            case TransmittingPage:
                page = Count(form, "page");
                recipient = Recipient(form);
                status = InFlight(status, recipient, FaxRecipientState.Transmitting, null,
                    string.Create(CultureInfo.InvariantCulture, $"Page {page} is being transmitted to {Bounded(recipient, MaxShortValue)}."));
                break;
            case RetryScheduled:
                retryCount = Count(form, "retry_count");
                recipient = Recipient(form);
                status = InFlight(status, recipient, FaxRecipientState.RetryScheduled, retryCount,
                    string.Create(CultureInfo.InvariantCulture, $"Retry {retryCount} is scheduled for {Bounded(recipient, MaxShortValue)}."));
                break;
        }

        return new PhaxioWebhookEvent
        {
            EventType = eventType,
            Page = page,
            RetryCount = retryCount,
            RecipientPhoneNumber = recipient,
            Status = status,
            DeliveryKey = string.Create(CultureInfo.InvariantCulture, $"{ProviderId}:{status.JobId}:{eventType}:{page}|{retryCount}|{recipient}:{rawStatus}"),
        };
    }

    /// <summary>Applies an in-flight event to its recipient, unless the fax object already shows it (or the fax) final.</summary>
    private static FaxJobStatus InFlight(FaxJobStatus status, string number, FaxRecipientState state, int? attempts, string detail)
    {
        if (status.IsTerminal)
        {
            return status;
        }

        var recipients = status.Recipients.ToArray();
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = recipients[i];
            if (string.Equals(recipient.FaxNumber, number, StringComparison.Ordinal) && !recipient.State.IsTerminal())
            {
                recipients[i] = recipient with { State = state, Attempts = recipient.Attempts ?? attempts };
            }
        }

        return FaxOutcomeRule.Apply(status with { State = FaxJobState.InProgress, Detail = detail, Recipients = recipients });
    }

    private static int Count(FaxWebhookForm form, string name)
    {
        var value = form.GetField(name) ?? throw Protocol($"the event has no \"{name}\" field.");
        return value.Length <= 10 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw Protocol($"\"{name}\" is '{Bounded(value, 16)}', not a non-negative integer.");
    }

    private static string Recipient(FaxWebhookForm form)
    {
        var number = form.GetField("recipient_phone_number");
        return number is { Length: > 0 and <= MaxShortValue }
            ? number
            : throw Protocol("the event has no \"recipient_phone_number\" (or it is too long to be a phone number).");
    }

    private static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    private static FaxProtocolException Protocol(string message) => new(ProviderId, $"{ProviderId}: {message}");


    private static string Bounded(string text, int max) => PhaxioStatusParser.Bounded(text, max);
}
