using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FaxSdk.Testing.Providers;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FaxSdk.Testing;

/// <summary>Writes an injected fault's wire symptom in place of a provider's normal answer.</summary>
internal static class EmulatorFaultResponses
{
    private const string HtmlPage = """
        <!DOCTYPE html>
        <html><head><title>Service Temporarily Unavailable</title></head>
        <body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service your request (emulated fault).</p></body></html>
        """;

    private const string CdnPage = """
        <!DOCTYPE html>
        <html><head><title>Web server is returning an unknown error | 520</title></head>
        <body><h1>Error 520</h1><p>Web server is returning an unknown error (emulated fault).</p></body></html>
        """;

    /// <summary>Answers <paramref name="context"/> with <paramref name="fault"/>.</summary>
    /// <returns>The status code sent, or 0 when no response was sent.</returns>
    public static async Task<int> WriteAsync(HttpContext context, EmulatedFault fault, EmulatorFaults faults, TimeProvider time, IProviderEmulator provider, string rawPath)
    {
        try
        {
            switch (fault)
            {
                case EmulatedFault.TooManyRequests:
                    context.Response.Headers.RetryAfter = "1";
                    return await TextAsync(context, StatusCodes.Status429TooManyRequests, "application/json; charset=utf-8", """{"message":"Too many requests (emulated fault)."}""").ConfigureAwait(false);
                case EmulatedFault.ServiceUnavailable:
                    return await TextAsync(context, StatusCodes.Status503ServiceUnavailable, "text/plain; charset=utf-8", "Service Unavailable (emulated fault).").ConfigureAwait(false);
                case EmulatedFault.WebServerError520:
                    return await TextAsync(context, 520, "text/html; charset=utf-8", CdnPage).ConfigureAwait(false);
                case EmulatedFault.InternalServerError:
                    return await TextAsync(context, StatusCodes.Status500InternalServerError, "text/plain; charset=utf-8", "Internal Server Error (emulated fault).").ConfigureAwait(false);
                case EmulatedFault.HtmlErrorPage:
                    return await TextAsync(context, StatusCodes.Status200OK, "text/html; charset=utf-8", HtmlPage).ConfigureAwait(false);
                case EmulatedFault.DroppedConnection:
                    context.Abort();
                    return 0;
                case EmulatedFault.SlowResponse:
                    try
                    {
                        await Task.Delay(faults.SlowResponseDelay, time, context.RequestAborted).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return 0; // the client gave up; nothing is processed
                    }

                    await provider.HandleAsync(context, rawPath).ConfigureAwait(false);
                    return context.Response.StatusCode;
                case EmulatedFault.TruncatedBody:
                    return await TruncatedAsync(context, provider, rawPath).ConfigureAwait(false);
                case EmulatedFault.MalformedJson:
                    return await MalformedAsync(context, provider, rawPath).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException($"Unknown fault {fault}.");
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            return context.Response.HasStarted ? context.Response.StatusCode : 0;
        }
    }

    private static async Task<int> TextAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        return status;
    }

    /// <summary>The real headers and Content-Length, half the real body, then the connection closes.</summary>
    private static async Task<int> TruncatedAsync(HttpContext context, IProviderEmulator provider, string rawPath)
    {
        var body = await RenderAsync(context, provider, rawPath).ConfigureAwait(false);
        var response = context.Response;
        var status = response.StatusCode;
        response.ContentLength = Math.Max(body.Length, 2);
        var half = body.AsMemory(0, CharBoundary(body, body.Length / 2));

        // Kestrel drops output it has not sent yet when a connection is aborted, so on HTTP/1.1 the response is
        // written straight to the socket: the client is sure to get the head and half the body before the close.
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket && context.Request.Protocol == "HTTP/1.1")
        {
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\n");
            foreach (var (name, values) in response.Headers)
            {
                foreach (var value in values)
                {
                    head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
                }
            }

            head.Append("\r\n");
            await socket.SendAsync(Encoding.ASCII.GetBytes(head.ToString()), SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
            await socket.SendAsync(half, SocketFlags.None, context.RequestAborted).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
        }
        else
        {
            await response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Abort();
        return status;
    }

    /// <summary>200 with the real content type and the real body broken by a control character in the middle.</summary>
    private static async Task<int> MalformedAsync(HttpContext context, IProviderEmulator provider, string rawPath)
    {
        var body = await RenderAsync(context, provider, rawPath).ConfigureAwait(false);
        var contentType = context.Response.ContentType;
        var xml = contentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true;
        if (body.Length < 2)
        {
            body = Encoding.UTF8.GetBytes(xml
                ? """<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope"><soap12:Body>"""
                : """{"success":true,"data":{""");
        }

        var middle = CharBoundary(body, body.Length / 2);
        byte[] broken = [.. body.AsSpan(0, middle), 0x01, .. body.AsSpan(middle)];
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType ?? "application/json; charset=utf-8";
        context.Response.ContentLength = broken.Length;
        await context.Response.Body.WriteAsync(broken, context.RequestAborted).ConfigureAwait(false);
        return StatusCodes.Status200OK;
    }

    /// <summary>
    /// Runs the provider in dry-run mode (it changes no emulator state) into a buffer: the status and headers it sets
    /// stay on the response, unsent; the body is returned.
    /// </summary>
    private static async Task<byte[]> RenderAsync(HttpContext context, IProviderEmulator provider, string rawPath)
    {
        context.Items[EmulatorHttp.DryRunKey] = true;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await provider.HandleAsync(context, rawPath).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    /// <summary>Moves <paramref name="index"/> back off UTF-8 continuation bytes, so no character is split.</summary>
    private static int CharBoundary(byte[] body, int index)
    {
        while (index > 0 && index < body.Length && (body[index] & 0xC0) == 0x80)
        {
            index--;
        }

        return index;
    }
}
