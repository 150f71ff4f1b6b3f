using System.Globalization;
using System.Text.Json;
using FaxSdk.Benchmarks.ReflectionDto;
using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;
using FaxSdk.Retarus;
using FaxSdk.StoneFax;

namespace FaxSdk.Benchmarks;

/// <summary>
/// The baseline issue 16 sets the parsers against: what a user writes in ten minutes. Plain DTO classes (ReflectionDto/),
/// <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, JsonSerializerOptions?)"/> with REFLECTION metadata
/// (static options, no source-generated context), then a straightforward hand mapping to the canonical model, with the
/// state taken from FaxSdk's public generated maps. Only public FaxSdk API is used. No validation, no outcome rule: it
/// does less than the SDK parser, which makes "at least 2x faster than this" a strict target.
/// </summary>
internal static class ReflectionDtoParsers
{
    private static readonly JsonSerializerOptions PhaxioOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // StoneFax, Concord and Retarus are read case-insensitively, as their SDK contexts are (StoneFax's "Q931Code",
    // Concord's PascalCase members and lower-case "return").
    private static readonly JsonSerializerOptions StoneFaxOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

    private static readonly JsonSerializerOptions PantareyOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly JsonSerializerOptions ConcordOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonSerializerOptions RetarusOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

    public static FaxJobStatus Phaxio(byte[] payload)
    {
        var fax = JsonSerializer.Deserialize<PhaxioResponseDto>(payload, PhaxioOptions)?.Data ?? throw new JsonException("no fax in \"data\"");
        return new FaxJobStatus
        {
            Provider = PhaxioStatusParser.ProviderId,
            JobId = fax.Id.ToString(CultureInfo.InvariantCulture),
            State = PhaxioFaxStatusMap.Parse(fax.Status).ToCanonical(),
            ProviderStatus = fax.Status,
            Pages = fax.NumPages,
            IsTest = fax.IsTest,
            SubmittedAt = fax.CreatedAt,
            CompletedAt = fax.CompletedAt,
            Error = PhaxioStatusParser.ToError(fax.ErrorType, fax.ErrorId, fax.ErrorMessage),
            Recipients = fax.Recipients?.Select(r => new FaxRecipientStatus
            {
                FaxNumber = r.PhoneNumber ?? "",
                State = PhaxioRecipientStatusMap.Parse(r.Status).ToCanonical(),
                ProviderStatus = r.Status,
                Attempts = r.RetryCount + 1,
                CompletedAt = r.CompletedAt,
                Error = PhaxioStatusParser.ToError(r.ErrorType, r.ErrorId, r.ErrorMessage),
            }).ToArray() ?? [],
        };
    }

    public static FaxJobStatus StoneFax(byte[] payload)
    {
        var fax = JsonSerializer.Deserialize<StoneFaxFaxDto>(payload, StoneFaxOptions) ?? throw new JsonException("null body");
        var state = StoneFaxStatusMap.Parse(fax.Status).ToCanonical();
        var error = state == FaxJobState.Failed
            ? new FaxError(fax.Q931Code is { } code ? Q931CauseMap.FromCode(code).ToCanonical() : FaxFailureCategory.Unknown, fax.Q931Code?.ToString(CultureInfo.InvariantCulture), fax.FailureReason)
            : null;
        var completedAt = Utc(fax.EndTime);
        return new FaxJobStatus
        {
            Provider = StoneFaxStatusParser.ProviderId,
            JobId = fax.FaxId ?? "",
            State = state,
            ProviderStatus = fax.Status,
            Detail = fax.DetailedStatus,
            Pages = fax.NumberOfPages,
            SubmittedAt = Utc(fax.SubmitTime),
            StartedAt = Utc(fax.StartTime),
            CompletedAt = completedAt,
            Error = error,
            Recipients = fax.Recipient is { } recipient
                ? [new FaxRecipientStatus
                {
                    FaxNumber = recipient.FaxNumber ?? "",
                    Name = recipient.Name,
                    State = state switch
                    {
                        FaxJobState.Succeeded => FaxRecipientState.Succeeded,
                        FaxJobState.Failed => FaxRecipientState.Failed,
                        FaxJobState.Canceled => FaxRecipientState.Canceled,
                        FaxJobState.Pending => FaxRecipientState.Pending,
                        FaxJobState.InProgress => FaxRecipientState.Transmitting,
                        _ => FaxRecipientState.Unknown,
                    },
                    ProviderStatus = fax.Status,
                    CompletedAt = completedAt,
                    Error = error,
                }]
                : [],
        };

        // StoneFax writes the server's local time without an offset; the server here runs on UTC.
        static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(t.Ticks, TimeSpan.Zero) : null;
    }

    public static FaxJobStatus Pantarey(byte[] payload)
    {
        var output = JsonSerializer.Deserialize<PantareyOutputDto>(payload, PantareyOptions) ?? throw new JsonException("null body");
        return new FaxJobStatus
        {
            Provider = PantareyStatusParser.ProviderId,
            JobId = output.JobId ?? "",
            State = PantareyJobStatusMap.Parse(output.Status).ToCanonical(),
            ProviderStatus = output.Status,
            Pages = output.Statistics?.Pages,
            Error = output.ErrorCode is null ? null : new FaxError(FaxFailureCategory.Unknown, output.ErrorCode),
            Recipients = output.Recipients?.Select(r =>
            {
                var code = r.ResultCode?.ToString(CultureInfo.InvariantCulture);
                return new FaxRecipientStatus
                {
                    FaxNumber = r.FaxNumber ?? "",
                    State = r.ResultCode switch { null => FaxRecipientState.Unknown, 0 => FaxRecipientState.Succeeded, _ => FaxRecipientState.Failed },
                    ProviderStatus = code,
                    Error = r.ResultCode is null or 0 ? null : new FaxError(FaxFailureCategory.Unknown, code, r.ResultText),
                };
            }).ToArray() ?? [],
        };
    }

    public static FaxJobStatus[] Concord(byte[] payload)
    {
        var response = JsonSerializer.Deserialize<ConcordEnvelopeDto>(payload, ConcordOptions)?.GetFaxStatusResponse
            ?? throw new JsonException("no GetFaxStatusResponse");
        return response.FaxStatusList?.Select(item => new FaxJobStatus
        {
            Provider = ConcordStatusParser.ProviderId,
            JobId = item.FaxJobId ?? "",
            State = ConcordFaxJobStatusMap.FromCode(item.FaxJobStatusId).ToCanonical(),
            ProviderStatus = item.FaxJobStatusId.ToString(CultureInfo.InvariantCulture),
            Detail = item.StatusDescription,
            Error = item.Error is { ErrorCode: not 0 } error
                ? new FaxError(FaxFailureCategory.Unknown, error.ErrorCode.ToString(CultureInfo.InvariantCulture), error.ErrorString)
                : null,
        }).ToArray() ?? [];
    }

    public static FaxJobStatus[] Retarus(byte[] payload)
    {
        var list = JsonSerializer.Deserialize<RetarusReportListDto>(payload, RetarusOptions)?.Reports ?? throw new JsonException("no \"reports\"");
        return list.Select(report =>
        {
            var recipients = report.RecipientStatus?.Select(RetarusRecipient).ToArray() ?? [];
            return new FaxJobStatus
            {
                Provider = RetarusStatusParser.ProviderId,
                JobId = report.JobId ?? "",
                State = recipients.All(r => r.State == FaxRecipientState.Succeeded) ? FaxJobState.Succeeded
                    : recipients.Any(r => r.State == FaxRecipientState.Succeeded) ? FaxJobState.PartiallySucceeded
                    : FaxJobState.Failed,
                Detail = report.Reference?.CustomerDefinedId,
                Pages = report.Pages,
                CompletedAt = report.RecipientStatus?.Max(r => r.SentTs),
                Recipients = recipients,
            };
        }).ToArray();
    }

    private static FaxRecipientStatus RetarusRecipient(RetarusRecipientDto r)
    {
        var state = FaxRecipientState.Unknown;
        FaxError? error = null;
        if (RetarusRecipientOutcomeMap.TryParse(r.Status, out var outcome))
        {
            state = outcome.ToCanonical();
        }
        else if (RetarusFailureCodeMap.TryParse(r.Status, out var failure))
        {
            state = FaxRecipientState.Failed;
            error = new FaxError(failure.ToCanonical(), r.Status, r.Reason);
        }

        return new FaxRecipientStatus
        {
            FaxNumber = r.Number ?? r.SentToNumber ?? "",
            State = state,
            ProviderStatus = r.Status,
            CompletedAt = r.SentTs,
            CallDuration = r.DurationInSecs is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            RemoteCsid = r.RemoteCsid,
            Error = error,
        };
    }
}
