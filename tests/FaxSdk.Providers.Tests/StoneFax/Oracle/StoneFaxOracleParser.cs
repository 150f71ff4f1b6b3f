using System.Globalization;
using FaxSdk.StoneFax;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>
/// The test ORACLE: the DTO-based parser StoneFaxStatusParser was before it read straight into the model (issue 16),
/// kept unchanged so that property tests can show the new parser agrees with it. Reads Imagicle StoneFax "Get Outbound Fax Details" responses into the canonical model. Accepts the body with and
/// without the <c>{"fax": …}</c> wrapper, ignores <c>__type</c>, and accepts <c>recipient</c> as an object or an array.
/// </summary>
/// <remarks>
/// Bounds: at most <see cref="MaxRecipients"/> recipients (more is a <see cref="FaxProtocolException"/>);
/// <see langword="null"/> recipients are skipped; JSON nested deeper than 32 levels is refused. A timestamp that cannot
/// be read or represented (out of range after the server time zone is applied) is left <see langword="null"/>.
/// </remarks>
internal static class StoneFaxOracleParser
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
    /// <exception cref="FaxProtocolException">The body is empty, not JSON, truncated, has no <c>faxId</c>, or lists more than <see cref="MaxRecipients"/> recipients.</exception>
    public static FaxJobStatus Parse(ReadOnlySpan<byte> utf8Json, TimeZoneInfo? serverTimeZone = null)
    {
        var body = Read(utf8Json);
        if (body.FaxList is not null && body.Fax is null && body.FaxId is null)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body is an outbound fax list (\"faxList\"), not one fax's details: read it with ParseList.");
        }

        return ToStatus(body.Fax ?? body, serverTimeZone ?? TimeZoneInfo.Utc);
    }

    /// <summary>
    /// Reads an answer of "Get Outbound Faxes List" (<c>GET fw/Apps/StoneFax/WebAPI/Faxes/Outbound/Mine</c>),
    /// <c>{"faxList": [ … ]}</c>, one status per fax; a single fax's details (wrapped or not) gives a list of one.
    /// List items carry no failure reason or Q.931 cause: a failed fax has an error of category
    /// <see cref="FaxFailureCategory.Unknown"/> until its details are read.
    /// </summary>
    /// <param name="utf8Json">The response body.</param>
    /// <param name="serverTimeZone">The time zone of timestamps written without an offset; <see langword="null"/> means UTC.</param>
    /// <returns>The statuses, in the list's order (<see langword="null"/> items skipped).</returns>
    /// <exception cref="FaxProtocolException">The body is unreadable, an item has no <c>faxId</c>, or the list holds more than <see cref="MaxFaxes"/> faxes.</exception>
    public static IReadOnlyList<FaxJobStatus> ParseList(ReadOnlySpan<byte> utf8Json, TimeZoneInfo? serverTimeZone = null)
    {
        var body = Read(utf8Json);
        var zone = serverTimeZone ?? TimeZoneInfo.Utc;
        return body.FaxList is { } list && body.Fax is null && body.FaxId is null
            ? [.. list.Select(fax => ToStatus(fax, zone))]
            : [ToStatus(body.Fax ?? body, zone)];
    }

    private static StoneFaxFax Read(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return FaxJson.Deserialize(utf8Json, StoneFaxJsonContext.Default.StoneFaxFax, ProviderId);
        }
        catch (FaxProtocolException exception) when (exception.InnerException is StoneFaxTooManyRecipientsException)
        {
            throw new FaxProtocolException(ProviderId, $"{ProviderId}: the body lists more than {MaxRecipients} recipients or faxes.", exception);
        }
    }

    private static FaxJobStatus ToStatus(StoneFaxFax fax, TimeZoneInfo zone)
    {

        var status = fax.Status is null ? StoneFaxStatus.Unknown : StoneFaxStatusMap.Parse(fax.Status);
        var state = status.ToCanonical();
        var error = ToError(state, fax.Q931Code, fax.FailureReason);
        var completedAt = ReadTime(fax.EndTime, zone);
        var recipientState = state switch
        {
            FaxJobState.Pending => FaxRecipientState.Pending,
            FaxJobState.InProgress => FaxRecipientState.Transmitting,
            FaxJobState.Succeeded => FaxRecipientState.Succeeded,
            FaxJobState.Failed => FaxRecipientState.Failed,
            FaxJobState.Canceled => FaxRecipientState.Canceled,
            _ => FaxRecipientState.Unknown,
        };

        var recipients = fax.Recipient is { Count: > 0 } list ? new FaxRecipientStatus[list.Count] : [];
        for (var i = 0; i < recipients.Length; i++)
        {
            var recipient = fax.Recipient![i];
            recipients[i] = new FaxRecipientStatus
            {
                FaxNumber = recipient.FaxNumber ?? string.Empty,
                Name = recipient.Name,
                State = recipientState,
                ProviderStatus = fax.Status,
                CompletedAt = recipientState.IsTerminal() ? completedAt : null,
                Error = recipientState == FaxRecipientState.Failed ? error : null,
            };
        }

        return FaxOutcomeRule.Apply(new FaxJobStatus
        {
            Provider = ProviderId,
            JobId = string.IsNullOrEmpty(fax.FaxId)
                ? throw new FaxProtocolException(ProviderId, fax.Status is null && fax.Recipient is null
                    ? $"{ProviderId}: the JSON is not a StoneFax outbound fax: expected {{\"faxId\": …, \"status\": …, \"recipient\": …}}, wrapped in {{\"fax\": …}} or listed in {{\"faxList\": […]}}."
                    : $"{ProviderId}: the fax has no \"faxId\".")
                : fax.FaxId,
            State = state,
            ProviderStatus = fax.Status,
            Detail = fax.DetailedStatus,
            Pages = fax.NumberOfPages,
            SubmittedAt = ReadTime(fax.SubmitTime ?? fax.Date, zone),
            StartedAt = ReadTime(fax.StartTime, zone),
            CompletedAt = completedAt,
            Error = error,
            Recipients = recipients,
        });
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

    private static DateTimeOffset? ReadTime(string? text, TimeZoneInfo zone) => FaxTimestamps.Parse(text, zone);
}
