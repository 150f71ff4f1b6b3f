using FaxSdk.StoneFax;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>Imagicle StoneFax: <c>GET /stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/{id}</c>, Basic auth.</summary>
internal sealed class StoneFaxEmulator(FaxEmulator emulator) : IProviderEmulator
{
    private const string Route = "/stonefax/fw/Apps/StoneFax/WebAPI/Faxes/Outbound/";

    public FaxProviderDescriptor Descriptor => StoneFaxProvider.Descriptor;

    public string ProviderId => Descriptor.Id;

    /// <summary>How the API reports a job's end: StoneFax reports one outcome per fax: never a partial success.</summary>
    public static EmulatedOutcomes Outcomes { get; } = new(CancelReadsAsFailure: false, ReportsPartialSuccess: false);

    public string Prefix => "/stonefax/";

    public IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials) =>
    [
        new(nameof(StoneFaxOptions.BaseAddress), emulator.StoneFaxBaseAddress.AbsoluteUri),
        new(nameof(StoneFaxOptions.Username), credentials.StoneFaxUsername),
        new(nameof(StoneFaxOptions.Password), credentials.StoneFaxPassword),
    ];

    /// <summary>The Q.850 cause written for each failure category (null: no cause, only a failure reason).</summary>
    public static int? Cause(FaxFailureCategory category) => category switch
    {
        FaxFailureCategory.Busy => 17,
        FaxFailureCategory.NoAnswer => 19,
        FaxFailureCategory.InvalidNumber => 1,
        FaxFailureCategory.Rejected => 21,
        FaxFailureCategory.NetworkError => 41,
        FaxFailureCategory.IncompatibleDestination => 88,
        FaxFailureCategory.TransmissionError => 16,
        _ => null,
    };

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        if (!RoutePath.TryGetSegment(rawPath, Route, out var id) || !HttpMethods.IsGet(context.Request.Method))
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var credentials = emulator.Credentials;
        if (!EmulatorHttp.TryBasic(context, out var user, out var password) || password != credentials.StoneFaxPassword ||
            (user != credentials.StoneFaxUsername && user != credentials.StoneFaxUnprivilegedUsername))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Imagicle\"";
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        if (user == credentials.StoneFaxUnprivilegedUsername)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        if (emulator.FindJob(ProviderId, id) is not { } run)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var elapsed = emulator.Time.GetUtcNow() - run.AddedAt;
        await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            if (emulator.Options.StoneFaxUnwrapped)
            {
                WriteFax(w, run, elapsed, user);
            }
            else
            {
                w.WriteStartObject();
                w.WritePropertyName("fax");
                WriteFax(w, run, elapsed, user);
                w.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }

    private void WriteFax(Utf8JsonWriter w, EmulatedJobRun run, TimeSpan elapsed, string user)
    {
        var job = run.Job;
        var steps = job.Recipients.Select(r => r.At(elapsed).Step).ToList();
        var allFinal = steps.All(s => s.IsFinal);
        var status = allFinal
            ? steps.All(s => s.Phase == EmulatedPhase.Delivered) ? "Completed" : steps.All(s => s.Phase == EmulatedPhase.Canceled) ? "Canceled" : "Failed"
            : steps.Any(s => s.Phase != EmulatedPhase.Queued) ? "InProgress" : "Queued";
        var failure = status == "Failed" ? steps.FirstOrDefault(s => s.Phase == EmulatedPhase.Failed)?.Failure ?? FaxFailureCategory.Unknown : (FaxFailureCategory?)null;
        var retrying = steps.FirstOrDefault(s => s.Phase == EmulatedPhase.RetryScheduled);

        w.WriteStartObject();
        w.WriteString("__type", "OutboundFax:StoneFax.Faxes");
        w.WriteString("faxId", job.JobId);
        w.WriteString("username", user);
        w.WriteString("subject", "Emulated fax");
        if (job.Recipients.Count == 1)
        {
            WriteRecipient(w, job.Recipients[0], "recipient");
        }
        else
        {
            w.WriteStartArray("recipient");
            foreach (var recipient in job.Recipients)
            {
                WriteRecipient(w, recipient, null);
            }

            w.WriteEndArray();
        }

        w.WriteString("status", status);
        if (retrying is not null && !allFinal)
        {
            w.WriteString("detailedStatus", $"Retrying after {retrying.Failure ?? FaxFailureCategory.Unknown}");
        }
        else
        {
            w.WriteNull("detailedStatus");
        }

        w.WriteNumber("numberOfPages", job.Pages);
        w.WriteString("serverName", "IAS-N1");
        w.WriteString("submitTime", Local(run.AddedAt));
        WriteTimeOrNull(w, "startTime", run.StartedAt(elapsed));
        WriteTimeOrNull(w, "endTime", allFinal ? run.TimeOf(job.Duration) : null);
        if (failure is { } category)
        {
            w.WriteString("failureReason", category.ToString());
            if (Cause(category) is { } cause)
            {
                w.WriteNumber("Q931Code", cause);
            }
            else
            {
                w.WriteNull("Q931Code");
            }
        }
        else
        {
            w.WriteNull("failureReason");
            w.WriteNull("Q931Code");
        }

        w.WriteNumber("size", 2897 * job.Pages);
        w.WriteEndObject();
    }

    private static void WriteRecipient(Utf8JsonWriter w, EmulatedRecipient recipient, string? propertyName)
    {
        if (propertyName is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(propertyName);
        }

        w.WriteString("faxNumber", recipient.FaxNumber);
        if (recipient.Name is null)
        {
            w.WriteNull("name");
        }
        else
        {
            w.WriteString("name", recipient.Name);
        }

        w.WriteEndObject();
    }

    private void WriteTimeOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Local(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    // Like the real server: server-local time, seven fraction digits, no offset.
    private string Local(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, emulator.Options.StoneFaxServerTimeZone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
