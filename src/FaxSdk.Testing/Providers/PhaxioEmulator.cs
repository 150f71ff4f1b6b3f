using FaxSdk.Phaxio;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>Phaxio API v2.1: <c>GET /phaxio/v2.1/faxes/{id}</c>, Basic auth with API key and secret.</summary>
internal sealed class PhaxioEmulator(FaxEmulator emulator) : IProviderEmulator
{
    private const string Route = "/phaxio/v2.1/faxes/";

    public FaxProviderDescriptor Descriptor => PhaxioProvider.Descriptor;

    public string ProviderId => Descriptor.Id;

    /// <summary>How the API reports a job's end: Phaxio has no status value for a canceled fax: it reads as failed.</summary>
    public static EmulatedOutcomes Outcomes { get; } = new(CancelReadsAsFailure: true, ReportsPartialSuccess: true);

    public string Prefix => "/phaxio/";

    public IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials) =>
    [
        new(nameof(PhaxioOptions.BaseAddress), emulator.PhaxioBaseAddress.AbsoluteUri),
        new(nameof(PhaxioOptions.ApiKey), credentials.PhaxioApiKey),
        new(nameof(PhaxioOptions.ApiSecret), credentials.PhaxioApiSecret),
    ];

    /// <summary>How each failure category is written (error_type, error_id, error_message).</summary>
    public static (string Type, int? Id, string Message) Error(FaxFailureCategory category) => category switch
    {
        FaxFailureCategory.Busy => ("lineError", 17, "Busy"),
        FaxFailureCategory.NoAnswer => ("lineError", 16, "Ring timeout"),
        FaxFailureCategory.InvalidNumber => ("lineError", 34, "Number not operational"),
        FaxFailureCategory.Rejected => ("lineError", 50, "Call rejected"),
        FaxFailureCategory.NetworkError => ("lineError", 88, "Network error"),
        FaxFailureCategory.IncompatibleDestination => ("lineError", 32, "Incompatible destination"),
        FaxFailureCategory.DocumentError => ("documentConversionError", 69, "Unable to convert or merge the file"),
        FaxFailureCategory.ProviderError or FaxFailureCategory.AccountError => ("generalError", null, "An internal error occurred"),
        FaxFailureCategory.Canceled => ("generalError", null, "The fax was canceled"),
        _ => ("faxError", 6, "Error communicating with far side"),
    };

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        if (!RoutePath.TryGetSegment(rawPath, Route, out var id) || !HttpMethods.IsGet(context.Request.Method))
        {
            await EmulatorHttp.JsonAsync(context, StatusCodes.Status404NotFound, w => Envelope(w, false, "Route not found")).ConfigureAwait(false);
            return;
        }

        var credentials = emulator.Credentials;
        if (!EmulatorHttp.TryBasic(context, out var key, out var secret) || key != credentials.PhaxioApiKey || secret != credentials.PhaxioApiSecret)
        {
            await EmulatorHttp.JsonAsync(context, StatusCodes.Status401Unauthorized, w => Envelope(w, false, "Invalid API credentials")).ConfigureAwait(false);
            return;
        }

        if (emulator.FindJob(ProviderId, id) is not { } run)
        {
            await EmulatorHttp.JsonAsync(context, StatusCodes.Status404NotFound, w => Envelope(w, false, "Fax not found")).ConfigureAwait(false);
            return;
        }

        var now = emulator.Time.GetUtcNow();
        await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteString("message", "Retrieved fax successfully");
            w.WritePropertyName("data");
            WriteFax(w, run, now - run.AddedAt);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void Envelope(Utf8JsonWriter w, bool success, string message)
    {
        w.WriteStartObject();
        w.WriteBoolean("success", success);
        w.WriteString("message", message);
        w.WriteEndObject();
    }

    /// <summary>Writes the Fax Object (API v2.1) as it stands <paramref name="elapsed"/> after the job was added; pushes carry it too.</summary>
    internal static void WriteFax(Utf8JsonWriter w, EmulatedJobRun run, TimeSpan elapsed)
    {
        var job = run.Job;
        var states = job.Recipients.Select(r => (Recipient: r, Now: r.At(elapsed))).ToList();
        var allFinal = states.All(s => s.Now.Step.IsFinal);
        var delivered = states.Count(s => s.Now.Step.Phase == EmulatedPhase.Delivered);
        var status = allFinal
            ? delivered == states.Count ? "success" : delivered == 0 ? "failure" : "partialsuccess"
            : states.Any(s => EmulatorHttp.IsActive(s.Now.Step.Phase)) || states.Any(s => s.Now.Step.IsFinal) ? "inprogress" : "queued";
        var started = states.Any(s => s.Now.Step.Phase is not EmulatedPhase.Queued);

        w.WriteStartObject();
        if (long.TryParse(job.JobId, NumberStyles.None, CultureInfo.InvariantCulture, out var numericId))
        {
            w.WriteNumber("id", numericId);
        }
        else
        {
            w.WriteString("id", job.JobId);
        }

        w.WriteString("direction", "sent");
        w.WriteNumber("num_pages", started ? job.Pages : 0);
        w.WriteNumber("cost", started ? 7 * job.Pages * states.Count : 0);
        w.WriteString("status", status);
        w.WriteBoolean("is_test", job.IsTest);
        w.WriteString("created_at", Rfc3339(run.AddedAt));
        WriteTimeOrNull(w, "completed_at", allFinal ? run.TimeOf(job.Duration) : null);
        w.WriteString("caller_id", "+15555555555");
        w.WriteStartArray("recipients");
        FaxFailureCategory? jobFailure = null;
        foreach (var (recipient, (step, retries)) in states)
        {
            w.WriteStartObject();
            w.WriteString("phone_number", recipient.FaxNumber);
            var recipientStatus = step.Phase switch
            {
                EmulatedPhase.Queued => elapsed < TimeSpan.FromMilliseconds(500) && retries == 0 ? null : "queued",
                EmulatedPhase.Dialing => "ringing",
                EmulatedPhase.Transmitting => "callactive",
                EmulatedPhase.RetryScheduled => "willretry",
                EmulatedPhase.Delivered => "success",
                _ => "failure",
            };
            if (recipientStatus is null)
            {
                w.WriteNull("status");
            }
            else
            {
                w.WriteString("status", recipientStatus);
            }

            w.WriteNumber("retry_count", retries);
            WriteTimeOrNull(w, "completed_at", step.IsFinal ? run.TimeOf(step.At) : null);
            var transmitted = step.Phase is EmulatedPhase.Transmitting or EmulatedPhase.Delivered;
            WriteNumberOrNull(w, "bitrate", transmitted ? 14400 : null);
            WriteNumberOrNull(w, "resolution", transmitted ? 8040 : null);
            var failure = step.Phase switch
            {
                EmulatedPhase.Failed or EmulatedPhase.RetryScheduled => step.Failure ?? FaxFailureCategory.Unknown,
                EmulatedPhase.Canceled => FaxFailureCategory.Canceled,
                _ => (FaxFailureCategory?)null,
            };
            WriteError(w, failure);
            if (step.IsFinal && failure is not null)
            {
                jobFailure ??= failure;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("tags");
        w.WriteEndObject();
        WriteError(w, allFinal && delivered < states.Count ? jobFailure : null);
        w.WriteStartArray("barcodes");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, FaxFailureCategory? failure)
    {
        if (failure is not { } category)
        {
            w.WriteNull("error_type");
            w.WriteNull("error_id");
            w.WriteNull("error_message");
            return;
        }

        var (type, id, message) = Error(category);
        w.WriteString("error_type", type);
        WriteNumberOrNull(w, "error_id", id);
        w.WriteString("error_message", message);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteTimeOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Rfc3339(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Rfc3339(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
