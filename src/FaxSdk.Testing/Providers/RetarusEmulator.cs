using FaxSdk.Retarus;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// Retarus Fax-for-Applications REST v1 on two data centres, <c>/retarus/{DE1|DE2}/rest/v1/{custNr}/fax/reports…</c>:
/// reports exist only once a job is complete, only in the data centres that hold the job, at most 1000 (oldest first)
/// per listing, until deleted. Every request costs O(log N) per report it touches (see <see cref="RetarusReportQueue"/>),
/// never a scan of all jobs.
/// </summary>
internal sealed class RetarusEmulator(FaxEmulator emulator) : IProviderEmulator
{
    private const int PageSize = 1000;

    public FaxProviderDescriptor Descriptor => RetarusProvider.Descriptor;

    public string ProviderId => Descriptor.Id;

    /// <summary>How the API reports a job's end.</summary>
    public static EmulatedOutcomes Outcomes { get; } = new(CancelReadsAsFailure: false, ReportsPartialSuccess: true);

    public string Prefix => "/retarus/";

    public IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials) =>
    [
        new(nameof(RetarusOptions.CustomerNumber), credentials.RetarusCustomerNumber),
        new(nameof(RetarusOptions.Username), credentials.RetarusUsername),
        new(nameof(RetarusOptions.Password), credentials.RetarusPassword),
        .. emulator.RetarusDataCenters.Select(d => new KeyValuePair<string, string?>($"{nameof(RetarusOptions.DataCenters)}:{d.Key}", d.Value.AbsoluteUri)),
    ];

    /// <summary>The result code written for each failure category.</summary>
    public static string Code(FaxFailureCategory category) => category switch
    {
        FaxFailureCategory.Busy => "BUSY",
        FaxFailureCategory.NoAnswer => "RING_TO",
        FaxFailureCategory.NotAFaxDevice => "NOFAX",
        FaxFailureCategory.InvalidNumber => "WRONG_NO",
        FaxFailureCategory.Rejected => "BLACKLIST",
        FaxFailureCategory.NetworkError => "DIAL_GF",
        FaxFailureCategory.TransmissionError => "NO_TRAIN",
        FaxFailureCategory.UnconfirmedDelivery => "EOD_FAILED",
        FaxFailureCategory.DocumentError => "RENDERING_ERROR",
        FaxFailureCategory.Canceled => "CANCELLED",
        _ => "COMERROR",
    };

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        // /retarus/{dc}/rest/v1/{custNr}/fax/reports[/{jobId}]
        var parts = rawPath.Split('/');
        var credentials = emulator.Credentials;
        if (parts.Length is < 8 or > 9 || parts[3] != "rest" || parts[4] != "v1" || parts[6] != "fax" || parts[7] != "reports" ||
            !FaxEmulator.RetarusDataCenterNames.Contains(parts[2]))
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        if (!EmulatorHttp.TryBasic(context, out var user, out var password) || user != credentials.RetarusUsername || password != credentials.RetarusPassword)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        if (Uri.UnescapeDataString(parts[5]) != credentials.RetarusCustomerNumber)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var dc = parts[2];
        var now = emulator.Time.GetUtcNow();
        var method = context.Request.Method;
        if (parts.Length == 9)
        {
            var jobId = Uri.UnescapeDataString(parts[8]);
            var run = Find(jobId, dc, now);
            if (run is null)
            {
                await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            }
            else if (HttpMethods.IsGet(method))
            {
                await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w => WriteReport(w, run)).ConfigureAwait(false);
            }
            else if (HttpMethods.IsDelete(method))
            {
                if (EmulatorHttp.MayChangeState(context))
                {
                    emulator.Retarus.Delete(dc, jobId);
                }

                await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("jobId", jobId);
                    w.WriteBoolean("deleted", true);
                    w.WriteEndObject();
                }).ConfigureAwait(false);
            }
            else
            {
                await EmulatorHttp.EmptyAsync(context, StatusCodes.Status405MethodNotAllowed).ConfigureAwait(false);
            }

            return;
        }

        if (HttpMethods.IsGet(method))
        {
            var page = emulator.Retarus.Of(dc).Page(now, PageSize);
            await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("reports");
                foreach (var run in page)
                {
                    WriteReport(w, run);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }
        else if (HttpMethods.IsDelete(method))
        {
            var page = emulator.Retarus.Of(dc).Page(now, PageSize);
            if (EmulatorHttp.MayChangeState(context))
            {
                page.ForEach(r => emulator.Retarus.Delete(dc, r.Job.JobId));
            }

            await WriteBulkAsync(context, page.Select(r => (r.Job.JobId, (EmulatedJobRun?)r)), delete: true).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method))
        {
            string action;
            List<string> jobIds;
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
                action = body.RootElement.GetProperty("action").GetString() ?? "";
                jobIds = [.. body.RootElement.GetProperty("jobIds").EnumerateArray().Select(e => e.GetString() ?? "")];
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                await EmulatorHttp.EmptyAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            var delete = action.Equals("DELETE", StringComparison.OrdinalIgnoreCase);
            if ((!delete && !action.Equals("GET", StringComparison.OrdinalIgnoreCase)) || jobIds.Count > PageSize)
            {
                await EmulatorHttp.EmptyAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
                return;
            }

            // Looked up id by id (O(ids)); every id is looked up before any is deleted, so a repeated id reads the same.
            var found = jobIds.Select(id => (id, Find(id, dc, now))).ToList();
            if (delete && EmulatorHttp.MayChangeState(context))
            {
                foreach (var (id, run) in found)
                {
                    if (run is not null)
                    {
                        emulator.Retarus.Delete(dc, id);
                    }
                }
            }

            await WriteBulkAsync(context, found, delete).ConfigureAwait(false);
        }
        else
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status405MethodNotAllowed).ConfigureAwait(false);
        }
    }

    /// <summary>Files the job's report with its data centres (listed once complete).</summary>
    public void JobAdded(EmulatedJobRun run) => emulator.Retarus.Add(run);

    /// <summary>The job's report on the data centre, if it is available there now (held, complete and not deleted).</summary>
    private EmulatedJobRun? Find(string jobId, string dc, DateTimeOffset now) =>
        emulator.FindJob(ProviderId, jobId) is { } run && run.Job.DataCenters.Contains(dc) && RetarusReportQueue.IsComplete(run, now) &&
        !emulator.Retarus.IsDeleted(dc, jobId)
            ? run
            : null;

    private static Task WriteBulkAsync(HttpContext context, IEnumerable<(string JobId, EmulatedJobRun? Run)> items, bool delete) =>
        EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("reports");
            foreach (var (jobId, run) in items)
            {
                if (run is not null && !delete)
                {
                    WriteReport(w, run);
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("jobId", jobId);
                if (delete)
                {
                    w.WriteBoolean("deleted", run is not null);
                }

                if (run is null)
                {
                    w.WriteString("reason", "NOT_FOUND");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static void WriteReport(Utf8JsonWriter w, EmulatedJobRun run)
    {
        var job = run.Job;
        w.WriteStartObject();
        w.WriteString("jobId", job.JobId);
        w.WriteStartArray("recipientStatus");
        foreach (var recipient in job.Recipients)
        {
            var final = recipient.Steps[^1];
            var code = final.Phase == EmulatedPhase.Delivered ? "OK" : Code(final.Phase == EmulatedPhase.Canceled ? FaxFailureCategory.Canceled : final.Failure ?? FaxFailureCategory.Unknown);
            w.WriteStartObject();
            w.WriteString("number", recipient.FaxNumber);
            w.WriteNull("properties");
            w.WriteString("status", code);
            w.WriteString("reason", code == "OK" ? "OK" : "simulated");
            w.WriteString("sentTs", run.TimeOf(final.At).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteNumber("durationInSecs", final.Phase == EmulatedPhase.Delivered ? 19 : 0);
            w.WriteString("sentToNumber", "00" + recipient.FaxNumber.TrimStart('+'));
            w.WriteString("remoteCsid", final.Phase == EmulatedPhase.Delivered ? "Retarus Faxolution" : "");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("pages", job.Pages);
        w.WriteStartObject("reference");
        w.WriteString("customerDefinedId", "emulated-" + job.JobId);
        w.WriteString("billingCode", "emulated");
        w.WriteString("billingInfo", "emulated");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
