using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FaxSdk.Pantarey;

namespace FaxSdk.Testing.Providers;

/// <summary>
/// The Pantarey push FaxSdk defines (WEBHOOKS.md 6.2): a process posts the "Query fax status" output unchanged plus
/// <c>"test"</c>, as <c>application/json</c>, with <c>Authorization: Bearer {secret}</c>; the emulator's process posts
/// each time the job's status changes.
/// </summary>
internal sealed class PantareyPusher(FaxEmulator emulator) : IProviderPusher
{
    private static readonly HashSet<string> Terminal = ["finished", "error", "canceled"];

    public string ProviderId => PantareyProvider.Descriptor.Id;

    public IEnumerable<KeyValuePair<string, string?>> WebhookSettings(EmulatorCredentials credentials) =>
    [
        new("Webhooks:Enabled", "true"),
        new("Webhooks:Secret", credentials.PantareyPushToken),
    ];

    public IReadOnlyList<PlannedPush> Plan(EmulatedJobRun run)
    {
        var job = run.Job;
        IEnumerable<TimeSpan> moments = [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), .. job.Recipients.SelectMany(r => r.Steps).Select(s => s.At)];
        if (job.Paused is { } window)
        {
            moments = moments.Append(window.From).Append(window.Until);
        }

        var pushes = new List<PlannedPush>();
        foreach (var at in moments.Distinct().Order())
        {
            var status = PantareyEmulator.Status(run, at);
            if (pushes.Count == 0 || pushes[^1].Event != status)
            {
                pushes.Add(new PlannedPush(at, status, Terminal.Contains(status)));
            }

            if (Terminal.Contains(status))
            {
                break;
            }
        }

        return pushes;
    }

    public HttpRequestMessage Create(PlannedPush push, EmulatedJobRun run, string url, bool forged)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            PantareyEmulator.WriteOutput(writer, run, push.At, run.Job.IsTest);
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        var token = emulator.Credentials.PantareyPushToken;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged ? "not-" + token : token);
        return request;
    }
}
