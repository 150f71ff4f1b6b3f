using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace FaxSdk.TestSupport;

/// <summary>A tiny Kestrel listener on 127.0.0.1 that records every request and answers with a chosen status.</summary>
internal sealed class PushCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedPush> _pushes = new();

    private PushCapture(WebApplication app, Func<CapturedPush, int> answer)
    {
        _app = app;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var push = new CapturedPush(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.ContentType,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            _pushes.Enqueue(push);
            context.Response.StatusCode = answer(push);
        });
    }

    /// <summary><c>http://127.0.0.1:{port}</c>, without a trailing slash.</summary>
    public string Address { get; private set; } = "";

    public IReadOnlyList<CapturedPush> Pushes => [.. _pushes];

    public static async Task<PushCapture> StartAsync(Func<CapturedPush, int>? answer = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var capture = new PushCapture(builder.Build(), answer ?? (_ => StatusCodes.Status200OK));
        await capture._app.StartAsync();
        capture.Address = capture._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return capture;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One recorded request.</summary>
internal sealed record CapturedPush(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The multipart/form-data fields, in wire order (read with ASP.NET Core's own multipart reader).</summary>
    public async Task<List<(string Name, string Value)>> MultipartFieldsAsync()
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(Body));
        var fields = new List<(string Name, string Value)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            Assert.False(disposition.IsFileDisposition(), "send webhooks carry no file part");
            fields.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, await section.ReadAsStringAsync()));
        }

        return fields;
    }

    /// <summary>The url-encoded form fields.</summary>
    public Dictionary<string, string> FormFields() =>
        QueryHelpers.ParseQuery(Text).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}
