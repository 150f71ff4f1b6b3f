using System.Globalization;
using FaxSdk.Transport;

namespace FaxSdk.StoneFax;

/// <summary>
/// Reads Imagicle StoneFax "Get Outbound Fax Details" responses into the canonical model, in one pass over the bytes
/// (<see cref="StoneFaxBodyReader"/>). Accepts the body with and
/// without the <c>{"fax": …}</c> wrapper, ignores <c>__type</c>, and accepts <c>recipient</c> as an object or an array.
/// </summary>
/// <remarks>
/// Bounds: at most <see cref="MaxRecipients"/> recipients per fax and <see cref="MaxFaxes"/> faxes per list
/// (<see langword="null"/> items are skipped and not counted); at most <see cref="FaxPayloadLimits.MaxObjectsPerBody"/>
/// JSON objects in the whole body, the objects of unknown members and of nested faxes that are only checked included;
/// any array in a skipped member at most <see cref="FaxPayloadLimits.MaxArrayLength"/> elements; JSON nested deeper
/// than 32 levels is refused. Each bound is counted while the body is read, and passing it is a
/// <see cref="FaxProtocolException"/> (over the object or skipped-array bound, with the message
/// <see cref="FaxPayloadLimits"/> gives every provider). A timestamp that cannot be read or represented (out of range
/// after the server time zone is applied) is left <see langword="null"/>.
/// </remarks>
public static class StoneFaxStatusParser
{
    /// <summary>The provider id, <c>stonefax</c>.</summary>
    public const string ProviderId = "stonefax";

    /// <summary>The most recipients one fax may list: 10,000.</summary>
    public const int MaxRecipients = FaxPayloadLimits.MaxArrayLength;

    /// <summary>The most faxes an outbound list answer may hold: 10,000 (ask for pages with <c>pageSize</c>).</summary>
    public const int MaxFaxes = FaxPayloadLimits.MaxArrayLength;

    /// <summary>Reads an outbound fax detail body.</summary>
    /// <param name="utf8Json">The response body.</param>
    /// <param name="serverTimeZone">The time zone of timestamps written without an offset (StoneFax writes server-local
    /// time such as <c>2016-11-25T15:57:40.0000000</c>); <see langword="null"/> means UTC.</param>
    /// <returns>The canonical status, after <see cref="FaxOutcomeRule.Apply(FaxJobStatus)"/>. StoneFax reports one
    /// status for the whole fax, so every recipient carries it. A timestamp that cannot be read is left <see langword="null"/>.</returns>
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, has no <c>faxId</c>, lists more than <see cref="MaxRecipients"/> recipients, or is over the <see cref="FaxPayloadLimits"/> bounds (more than <see cref="FaxPayloadLimits.MaxObjectsPerBody"/> objects in all).</exception>
    public static FaxJobStatus Parse(ReadOnlySpan<byte> utf8Json, TimeZoneInfo? serverTimeZone = null) =>
        StoneFaxBodyReader.Read(utf8Json, serverTimeZone ?? TimeZoneInfo.Utc, list: false).Single!;

    /// <summary>
    /// Reads an answer of "Get Outbound Faxes List" (<c>GET fw/Apps/StoneFax/WebAPI/Faxes/Outbound/Mine</c>),
    /// <c>{"faxList": [ … ]}</c>, one status per fax; a single fax's details (wrapped or not) gives a list of one.
    /// List items carry no failure reason or Q.931 cause: a failed fax has an error of category
    /// <see cref="FaxFailureCategory.Unknown"/> until its details are read.
    /// </summary>
    /// <param name="utf8Json">The response body.</param>
    /// <param name="serverTimeZone">The time zone of timestamps written without an offset; <see langword="null"/> means UTC.</param>
    /// <returns>The statuses, in the list's order (<see langword="null"/> items skipped).</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, an item has no <c>faxId</c>, the list holds more than <see cref="MaxFaxes"/> faxes or a fax more than <see cref="MaxRecipients"/> recipients, or the body is over the <see cref="FaxPayloadLimits"/> bounds (more than <see cref="FaxPayloadLimits.MaxObjectsPerBody"/> objects in all, the recipients of every item counted together).</exception>
    public static IReadOnlyList<FaxJobStatus> ParseList(ReadOnlySpan<byte> utf8Json, TimeZoneInfo? serverTimeZone = null)
    {
        var (single, list) = StoneFaxBodyReader.Read(utf8Json, serverTimeZone ?? TimeZoneInfo.Utc, list: true);
        return list ?? [single!];
    }

    /// <summary>A fax read into a status, or why it cannot be one (it has no <c>faxId</c>): reported only if it is the fax the body is read for.</summary>
    internal readonly record struct Built(FaxJobStatus? Status, string? Error);

    /// <summary>Turns a fax as read into its status (times already read in the server's zone).</summary>
    internal static Built ToStatus(in StoneFaxFaxFields fax, ReadOnlySpan<StoneFaxRecipientFields> recipientFields)
    {
        if (string.IsNullOrEmpty(fax.FaxId))
        {
            return new Built(null, fax.Status is null && !fax.HasRecipient
                ? $"{ProviderId}: the JSON is not a StoneFax outbound fax: expected {{\"faxId\": …, \"status\": …, \"recipient\": …}}, wrapped in {{\"fax\": …}} or listed in {{\"faxList\": […]}}."
                : $"{ProviderId}: the fax has no \"faxId\".");
        }

        var state = fax.Status is null ? FaxJobState.Unknown : fax.Wire.ToCanonical();
        var error = ToError(state, fax.Q931Code, fax.FailureReason);
        var recipientState = state switch
        {
            FaxJobState.Pending => FaxRecipientState.Pending,
            FaxJobState.InProgress => FaxRecipientState.Transmitting,
            FaxJobState.Succeeded => FaxRecipientState.Succeeded,
            FaxJobState.Failed => FaxRecipientState.Failed,
            FaxJobState.Canceled => FaxRecipientState.Canceled,
            _ => FaxRecipientState.Unknown,
        };

        // StoneFax reports one status for the whole fax: every recipient carries it.
        var recipients = recipientFields.IsEmpty ? [] : new FaxRecipientStatus[recipientFields.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            recipients[i] = new FaxRecipientStatus
            {
                FaxNumber = recipientFields[i].FaxNumber ?? string.Empty,
                Name = recipientFields[i].Name,
                State = recipientState,
                ProviderStatus = fax.Status,
                CompletedAt = recipientState.IsTerminal() ? fax.EndTime : null,
                Error = recipientState == FaxRecipientState.Failed ? error : null,
            };
        }

        return new Built(FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = fax.FaxId,
            State = state,
            ProviderStatus = fax.Status,
            Detail = fax.DetailedStatus,
            Pages = fax.Pages,
            SubmittedAt = fax.HasSubmitTime ? fax.SubmitTime : fax.Date,
            StartedAt = fax.StartTime,
            CompletedAt = fax.EndTime,
            Error = error,
            Recipients = recipients,
        }), null);
    }

    /// <summary>Maps a failed fax's <c>Q931Code</c> and <c>failureReason</c> into the failure taxonomy.</summary>
    /// <param name="state">The fax's canonical state; only <see cref="FaxJobState.Failed"/> gets an error.</param>
    /// <param name="q931Code">The Q.931/Q.850 cause, if any.</param>
    /// <param name="failureReason">StoneFax's failure text, if any.</param>
    /// <returns>The error, or <see langword="null"/> when the fax did not fail.</returns>
    public static FaxError? ToError(FaxJobState state, int? q931Code, string? failureReason)
    {
        if (state != FaxJobState.Failed)
        {
            return null;
        }

        var category = q931Code is { } code ? Q931CauseMap.FromCode(code).ToCanonical() : FaxFailureCategory.Unknown;
        return new FaxError(category, q931Code?.ToString(CultureInfo.InvariantCulture), failureReason);
    }
}
