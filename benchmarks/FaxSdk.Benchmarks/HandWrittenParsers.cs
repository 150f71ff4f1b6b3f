using System.Globalization;
using System.Text.Json;

namespace FaxSdk.Benchmarks;

/// <summary>What a user would write today without FaxSdk: <see cref="JsonDocument"/> plus hand mapping to the same model.</summary>
internal static class HandWrittenParsers
{
    public static FaxJobStatus Phaxio(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var data = document.RootElement.GetProperty("data");
        var recipients = new List<FaxRecipientStatus>();
        foreach (var r in data.GetProperty("recipients").EnumerateArray())
        {
            var status = r.GetProperty("status").GetString();
            var state = status?.ToLowerInvariant() switch
            {
                "queued" or "pendingbatch" or null => FaxRecipientState.Pending,
                "inprogress" or "ringing" => FaxRecipientState.Dialing,
                "callactive" => FaxRecipientState.Transmitting,
                "willretry" => FaxRecipientState.RetryScheduled,
                "success" => FaxRecipientState.Succeeded,
                "failure" => FaxRecipientState.Failed,
                _ => FaxRecipientState.Unknown,
            };
            FaxError? error = null;
            if (r.GetProperty("error_id").ValueKind == JsonValueKind.Number)
            {
                var id = r.GetProperty("error_id").GetInt32();
                error = new FaxError(id == 17 ? FaxFailureCategory.Busy : FaxFailureCategory.NetworkError, id.ToString(CultureInfo.InvariantCulture), r.GetProperty("error_message").GetString());
            }

            recipients.Add(new FaxRecipientStatus
            {
                FaxNumber = r.GetProperty("phone_number").GetString()!,
                State = state,
                ProviderStatus = status,
                Attempts = r.GetProperty("retry_count").GetInt32(),
                CompletedAt = r.GetProperty("completed_at").ValueKind == JsonValueKind.String ? r.GetProperty("completed_at").GetDateTimeOffset() : null,
                Error = error,
            });
        }

        var jobStatus = data.GetProperty("status").GetString();
        return new FaxJobStatus
        {
            Provider = "phaxio",
            JobId = data.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
            State = jobStatus?.ToLowerInvariant() switch
            {
                "queued" or "pendingbatch" => FaxJobState.Pending,
                "inprogress" => FaxJobState.InProgress,
                "success" => FaxJobState.Succeeded,
                "partialsuccess" => FaxJobState.PartiallySucceeded,
                "failure" => FaxJobState.Failed,
                _ => FaxJobState.Unknown,
            },
            ProviderStatus = jobStatus,
            Pages = data.GetProperty("num_pages").GetInt32(),
            IsTest = data.GetProperty("is_test").GetBoolean(),
            SubmittedAt = data.GetProperty("created_at").GetDateTimeOffset(),
            Recipients = recipients,
        };
    }

    public static FaxJobStatus StoneFax(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var fax = document.RootElement.TryGetProperty("fax", out var wrapped) ? wrapped : document.RootElement;
        var status = fax.GetProperty("status").GetString();
        var recipient = fax.GetProperty("recipient");
        var first = recipient.ValueKind == JsonValueKind.Array ? recipient[0] : recipient;
        return new FaxJobStatus
        {
            Provider = "stonefax",
            JobId = fax.GetProperty("faxId").GetString()!,
            State = status switch { "Completed" => FaxJobState.Succeeded, "Failed" => FaxJobState.Failed, "Queued" => FaxJobState.Pending, "InProgress" => FaxJobState.InProgress, "Canceled" => FaxJobState.Canceled, _ => FaxJobState.Unknown },
            ProviderStatus = status,
            Pages = fax.GetProperty("numberOfPages").GetInt32(),
            SubmittedAt = new DateTimeOffset(DateTime.Parse(fax.GetProperty("submitTime").GetString()!, CultureInfo.InvariantCulture), TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(DateTime.Parse(fax.GetProperty("endTime").GetString()!, CultureInfo.InvariantCulture), TimeSpan.Zero),
            Recipients = [new FaxRecipientStatus { FaxNumber = first.GetProperty("faxNumber").GetString()!, Name = first.GetProperty("name").GetString(), State = FaxRecipientState.Succeeded }],
        };
    }

    public static FaxJobStatus Pantarey(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var recipients = root.TryGetProperty("recipients", out var list)
            ? list.EnumerateArray().Select(r => new FaxRecipientStatus
            {
                FaxNumber = r.GetProperty("faxNumber").GetString()!,
                State = r.GetProperty("resultCode").GetInt32() == 0 ? FaxRecipientState.Succeeded : FaxRecipientState.Failed,
                ProviderStatus = r.GetProperty("resultCode").GetInt32().ToString(CultureInfo.InvariantCulture),
            }).ToList()
            : [];
        var status = root.GetProperty("status").GetString();
        var delivered = recipients.Count(r => r.State == FaxRecipientState.Succeeded);
        return new FaxJobStatus
        {
            Provider = "pantarey",
            JobId = root.GetProperty("jobId").GetString()!,
            State = status == "finished" ? (delivered == recipients.Count ? FaxJobState.Succeeded : delivered == 0 ? FaxJobState.Failed : FaxJobState.PartiallySucceeded) : FaxJobState.InProgress,
            ProviderStatus = status,
            Pages = root.GetProperty("statistics").GetProperty("pages").GetInt32(),
            Recipients = recipients,
        };
    }

    public static List<FaxJobStatus> Concord(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var response = document.RootElement.GetProperty("GetFaxStatusResponse");
        var result = new List<FaxJobStatus>();
        foreach (var item in response.GetProperty("FaxStatusList").EnumerateArray())
        {
            var id = item.GetProperty("FaxJobStatusId").GetInt32();
            var error = item.GetProperty("Error");
            result.Add(new FaxJobStatus
            {
                Provider = "concord",
                JobId = item.GetProperty("FaxJobId").GetString()!,
                State = id switch { 1 => FaxJobState.Succeeded, 2 => FaxJobState.Failed, 3 => FaxJobState.InProgress, _ => FaxJobState.Unknown },
                ProviderStatus = id.ToString(CultureInfo.InvariantCulture),
                Detail = item.GetProperty("StatusDescription").GetString(),
                Error = error.GetProperty("ErrorCode").GetInt32() != 0 ? new FaxError(FaxFailureCategory.Unknown, error.GetProperty("ErrorCode").GetInt32().ToString(CultureInfo.InvariantCulture), error.GetProperty("ErrorString").GetString()) : null,
            });
        }

        return result;
    }

    public static List<FaxJobStatus> Retarus(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var result = new List<FaxJobStatus>();
        foreach (var report in document.RootElement.GetProperty("reports").EnumerateArray())
        {
            var recipients = report.GetProperty("recipientStatus").EnumerateArray().Select(r =>
            {
                var code = r.GetProperty("status").GetString();
                return new FaxRecipientStatus
                {
                    FaxNumber = r.GetProperty("number").GetString()!,
                    State = code == "OK" ? FaxRecipientState.Succeeded : FaxRecipientState.Failed,
                    ProviderStatus = code,
                    CompletedAt = r.GetProperty("sentTs").GetDateTimeOffset(),
                    CallDuration = TimeSpan.FromSeconds(r.GetProperty("durationInSecs").GetInt32()),
                    RemoteCsid = r.GetProperty("remoteCsid").GetString(),
                    Error = code == "OK" ? null : new FaxError(code == "BUSY" ? FaxFailureCategory.Busy : FaxFailureCategory.Unknown, code, r.GetProperty("reason").GetString()),
                };
            }).ToList();
            result.Add(new FaxJobStatus
            {
                Provider = "retarus",
                JobId = report.GetProperty("jobId").GetString()!,
                State = recipients.All(r => r.State == FaxRecipientState.Succeeded) ? FaxJobState.Succeeded : FaxJobState.Failed,
                Pages = report.GetProperty("pages").GetInt32(),
                Detail = report.GetProperty("reference").GetProperty("customerDefinedId").GetString(),
                Recipients = recipients,
            });
        }

        return result;
    }
}
