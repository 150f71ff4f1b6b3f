using FaxSdk.Concord;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace FaxSdk.Testing.Providers;

/// <summary>Concord <c>GetFaxStatus</c> at <c>POST /concord/fax/v5</c>, JSON or SOAP 1.2 (by Content-Type; SOAP is the default).</summary>
internal sealed class ConcordEmulator(FaxEmulator emulator) : IProviderEmulator
{
    private const string Route = "/concord/fax/v5";
    private const string Soap = "http://www.w3.org/2003/05/soap-envelope";

    public FaxProviderDescriptor Descriptor => ConcordProvider.Descriptor;

    public string ProviderId => Descriptor.Id;

    /// <summary>How the API reports a job's end: Concord has no status value for a canceled fax: it reads as failed.</summary>
    public static EmulatedOutcomes Outcomes { get; } = new(CancelReadsAsFailure: true, ReportsPartialSuccess: true);

    public string Prefix => "/concord/";

    public IEnumerable<KeyValuePair<string, string?>> Settings(EmulatorCredentials credentials) =>
    [
        new(nameof(ConcordOptions.BaseAddress), emulator.ConcordEndpoint.AbsoluteUri),
        new(nameof(ConcordOptions.UserId), credentials.ConcordUserId),
        new(nameof(ConcordOptions.AccessToken), credentials.ConcordAccessToken),
        new(nameof(ConcordOptions.Transport), nameof(ConcordTransport.Json)),
    ];

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        if (rawPath != Route || !HttpMethods.IsPost(context.Request.Method))
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        context.Response.Headers["x-ch-activity-id"] = Guid.NewGuid().ToString("D");
        var credentials = emulator.Credentials;
        var bearer = EmulatorHttp.Bearer(context);
        if (bearer is not null && bearer != credentials.ConcordAccessToken)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var json = context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        string? userId, pin;
        List<string> jobIds;
        try
        {
            (userId, pin, jobIds) = json ? await ReadJsonAsync(context).ConfigureAwait(false) : await ReadSoapAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or XmlException or InvalidOperationException)
        {
            await EmulatorHttp.EmptyAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        (int Code, string Text)? callError = userId != credentials.ConcordUserId ? (-1001, "Invalid UserID")
            : bearer is null && pin != credentials.ConcordPin ? (-1002, "Invalid UserID or PIN")
            : null;
        var now = emulator.Time.GetUtcNow();
        var items = callError is null ? jobIds.Select(id => Item(id, now)).ToList() : [];
        if (json)
        {
            await EmulatorHttp.JsonAsync(context, StatusCodes.Status200OK, w => WriteJson(w, callError, items)).ConfigureAwait(false);
        }
        else
        {
            await WriteSoapAsync(context, callError, items).ConfigureAwait(false);
        }
    }

    private (string JobId, int StatusId, string Description, int ErrorCode, string ErrorText) Item(string jobId, DateTimeOffset now)
    {
        if (emulator.FindJob(ProviderId, jobId) is not { } run)
        {
            return (jobId, -5019, "Invalid job id", -5019, "Invalid job id");
        }

        var step = run.Job.Recipients[0].At(now - run.AddedAt).Step;
        return step.Phase switch
        {
            EmulatedPhase.Delivered => (jobId, 1, "Job succeeded", 0, ""),
            EmulatedPhase.Failed or EmulatedPhase.Canceled => (jobId, 2, "Job failed", 5000 + (int)(step.Failure ?? FaxFailureCategory.Canceled), (step.Failure ?? FaxFailureCategory.Canceled).ToString()),
            _ => (jobId, 3, "Job is being processed", 0, ""),
        };
    }

    private static async Task<(string?, string?, List<string>)> ReadJsonAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var operation = document.RootElement.GetProperty("GetFaxStatus");
        var ids = operation.GetProperty("FaxJobIds").EnumerateArray().Select(i => i.GetProperty("JobId").GetString() ?? "").ToList();
        return (operation.GetProperty("UserID").GetString(), operation.TryGetProperty("strPIN", out var pin) ? pin.GetString() : null, ids);
    }

    private static async Task<(string?, string?, List<string>)> ReadSoapAsync(HttpContext context)
    {
        using var reader = XmlReader.Create(context.Request.Body, new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var document = await XDocument.LoadAsync(reader, LoadOptions.None, context.RequestAborted).ConfigureAwait(false);
        var operation = document.Descendants().First(e => e.Name.LocalName == "GetFaxStatus");
        string? Value(string name) => operation.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var ids = operation.Descendants().Where(e => e.Name.LocalName == "JobId").Select(e => e.Value).ToList();
        return (Value("UserID"), Value("strPIN"), ids);
    }

    private static void WriteJson(Utf8JsonWriter w, (int Code, string Text)? callError, List<(string JobId, int StatusId, string Description, int ErrorCode, string ErrorText)> items)
    {
        w.WriteStartObject();
        w.WriteStartObject("GetFaxStatusResponse");
        w.WriteBoolean("return", callError is null);
        w.WriteStartArray("FaxStatusList");
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("FaxJobId", item.JobId);
            w.WriteNumber("FaxJobStatusId", item.StatusId);
            w.WriteString("StatusDescription", item.Description);
            w.WriteStartObject("Error");
            w.WriteNumber("ErrorCode", item.ErrorCode);
            w.WriteString("ErrorString", item.ErrorText);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("WSError");
        w.WriteNumber("ErrorCode", callError?.Code ?? 0);
        w.WriteString("ErrorString", callError?.Text ?? "");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static async Task WriteSoapAsync(HttpContext context, (int Code, string Text)? callError, List<(string JobId, int StatusId, string Description, int ErrorCode, string ErrorText)> items)
    {
        XNamespace soap = Soap;
        XNamespace fax = "urn:FaxWS";
        static XElement Error(XNamespace ns, string name, int code, string text) =>
            new(ns + name, new XElement(ns + "ErrorCode", code), new XElement(ns + "ErrorString", text));
        var document = new XDocument(
            new XElement(soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap12", Soap),
                new XElement(soap + "Body",
                    new XElement(fax + "FaxStatusResponse",
                        new XElement(fax + "return", callError is null ? "true" : "false"),
                        new XElement(fax + "FaxStatusList", items.Select(i => new XElement(fax + "item",
                            new XElement(fax + "FaxJobId", i.JobId),
                            new XElement(fax + "FaxJobStatusId", i.StatusId),
                            new XElement(fax + "StatusDescription", i.Description),
                            Error(fax, "Error", i.ErrorCode, i.ErrorText)))),
                        Error(fax, "WSError", callError?.Code ?? 0, callError?.Text ?? "")))));
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/soap+xml; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
