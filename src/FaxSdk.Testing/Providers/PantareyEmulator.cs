using FaxSdk.Pantarey;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// Pantarey "Query fax status" behind <c>POST /pantarey/query-fax-status</c> (bearer token or Basic auth). Pantarey
/// documents the task's input and output but no HTTP surface: the 401/404/400 answers, <c>{"error": …}</c>, are
/// this emulator's assumption of what a process endpoint would return.
/// </summary>
internal sealed class PantareyEmulator(FaxEmulator emulator) : IProviderEmulator
{
    private const string Route = "/pantarey/query-fax-status";

    public FaxProviderDescriptor Descriptor => PantareyProvider.Descriptor;

    public string ProviderId => Descriptor.Id;

    /// <summary>How the API reports a job's end.</summary>
    public static EmulatedOutcomes Outcomes { get; } = new(CancelReadsAsFailure: false, ReportsPartialSuccess: true);

    public string Prefix => "/pantarey/";

    public IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials) =>
    [
        new(nameof(PantareyOptions.BaseAddress), emulator.PantareyEndpoint.AbsoluteUri),
        new(nameof(PantareyOptions.BearerToken), credentials.PantareyBearerToken),
    ];

    /// <summary>The result code written for each failure category (Pantarey does not document its codes; these are the emulator's).</summary>
    public static int ResultCode(FaxFailureCategory category) => category switch
    {
        FaxFailureCategory.Busy => 17,
        FaxFailureCategory.NoAnswer => 19,
        FaxFailureCategory.InvalidNumber => 1,
        FaxFailureCategory.Rejected => 21,
        FaxFailureCategory.NetworkError => 41,
        FaxFailureCategory.IncompatibleDestination => 88,
        FaxFailureCategory.TransmissionError => 50,
        FaxFailureCategory.NotAFaxDevice => 51,
        FaxFailureCategory.UnconfirmedDelivery => 52,
        FaxFailureCategory.DocumentError => 60,
        FaxFailureCategory.AccountError => 61,
        FaxFailureCategory.Canceled => 70,
        FaxFailureCategory.ProviderError => 99,
        _ => 98,
    };

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        if (rawPath != Route || !HttpMethods.IsPost(context.Request.Method))
        {
            await Error(context, StatusCodes.Status404NotFound, "no such endpoint").ConfigureAwait(false);
            return;
        }

        var credentials = emulator.Credentials;
        var authorised = EmulatorHttp.Bearer(context) == credentials.PantareyBearerToken ||
            (EmulatorHttp.TryBasic(context, out var user, out var password) && user == credentials.PantareyUsername && password == credentials.PantareyPassword);
        if (!authorised)
        {
            await Error(context, StatusCodes.Status401Unauthorized, "unauthorized").ConfigureAwait(false);
            return;
        }

        string? jobId;
        bool test;
        try
        {
            using var input = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            jobId = input.RootElement.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            test = input.RootElement.TryGetProperty("test", out var t) && t.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            await Error(context, StatusCodes.Status400BadRequest, "the input is not JSON").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(jobId))
        {
            await Error(context, StatusCodes.Status400BadRequest, "jobId is required").ConfigureAwait(false);
            return;
        }

        // Sandbox jobs are only visible in sandbox mode, live jobs only in live mode.
        if (emulator.FindJob(ProviderId, jobId) is not { } run || run.Job.IsTest != test)
        {
            await Error(context, StatusCodes.Status404NotFound, "job not found").ConfigureAwait(false);
            return;
        }

        var elapsed = emulator.Time.GetUtcNow() - run.AddedAt;
        await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w => WriteOutput(w, run, elapsed)).ConfigureAwait(false);
    }

    private static Task Error(HttpContext context, int status, string message) =>
        EmulatorHttp.JsonAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    /// <summary>The job's Pantarey status <paramref name="elapsed"/> after it was added.</summary>
    internal static string Status(EmulatedJobRun run, TimeSpan elapsed)
    {
        var steps = run.Job.Recipients.Select(r => r.At(elapsed).Step).ToList();
        var paused = run.Job.Paused is { } window && elapsed >= window.From && elapsed < window.Until;
        return steps.All(s => s.IsFinal)
            ? steps.All(s => s.Phase == EmulatedPhase.Canceled) ? "canceled" : IsJobLevelError(steps) ? "error" : "finished"
            : paused ? "halted"
            : steps.Any(s => s.Phase != EmulatedPhase.Queued) ? "processing"
            : elapsed < TimeSpan.FromMilliseconds(500) ? "scheduling" : "scheduled";
    }

    /// <summary>
    /// Writes the "Query fax status" output as it stands <paramref name="elapsed"/> after the job was added; with
    /// <paramref name="test"/>, also the <c>"test"</c> flag FaxSdk's push contract adds.
    /// </summary>
    internal static void WriteOutput(Utf8JsonWriter w, EmulatedJobRun run, TimeSpan elapsed, bool? test = null)
    {
        var job = run.Job;
        var steps = job.Recipients.Select(r => r.At(elapsed).Step).ToList();
        var allFinal = steps.All(s => s.IsFinal);
        var jobLevelError = allFinal && IsJobLevelError(steps);
        var status = Status(run, elapsed);

        w.WriteStartObject();
        w.WriteString("jobId", job.JobId);
        w.WriteString("status", status);
        if (jobLevelError)
        {
            w.WriteNumber("errorCode", ResultCode(steps[0].Failure!.Value));
        }
        else
        {
            w.WriteNull("errorCode");
        }

        w.WriteStartObject("statistics");
        w.WriteNumber("pages", job.Pages);
        w.WriteNumber("recipientCount", steps.Count);
        w.WriteNumber("recipientCountSuccessful", steps.Count(s => s.Phase == EmulatedPhase.Delivered));
        w.WriteNumber("recipientCountError", steps.Count(s => s.Phase is EmulatedPhase.Failed));
        w.WriteEndObject();
        if (allFinal && status != "canceled")
        {
            // Recipients are only reported once the job is terminal.
            w.WriteStartArray("recipients");
            for (var i = 0; i < steps.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("faxNumber", job.Recipients[i].FaxNumber);
                var failure = steps[i].Phase == EmulatedPhase.Delivered ? (FaxFailureCategory?)null : steps[i].Failure ?? FaxFailureCategory.Canceled;
                w.WriteNumber("resultCode", failure is { } f ? ResultCode(f) : 0);
                w.WriteString("resultText", failure is { } g ? g.ToString().ToUpperInvariant() : "OK");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (test is { } flag)
        {
            w.WriteBoolean("test", flag);
        }

        w.WriteEndObject();
    }

    private static bool IsJobLevelError(List<EmulatedStep> steps) =>
        steps.All(s => s.Phase == EmulatedPhase.Failed && s.Failure is FaxFailureCategory.DocumentError or FaxFailureCategory.AccountError);
}
