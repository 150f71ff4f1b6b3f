using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaxSdk.AspNetCore;

/// <summary>
/// One webhook endpoint's request pipeline: read the body once within limits, decode a form only for a receiver that
/// reads forms, authenticate before anything else, parse, queue the pushes, answer.
/// </summary>
internal sealed class WebhookEndpointHandler
{
    private readonly FaxWebhookRegistration _registration;
    private readonly string _path;
    private readonly IReadOnlySet<string> _reservedSegments;
    private readonly IServiceProvider _services;
    private readonly IOptionsMonitor<FaxWebhookHostOptions> _options;
    private readonly WebhookPushQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IFaxWebhookRejectionObserver[] _observers;

    public WebhookEndpointHandler(FaxWebhookRegistration registration, string path, IReadOnlySet<string> reservedSegments, IServiceProvider services)
    {
        _registration = registration;
        _path = path;
        _reservedSegments = reservedSegments;
        _services = services;
        _options = services.GetRequiredService<IOptionsMonitor<FaxWebhookHostOptions>>();
        _queue = services.GetRequiredService<WebhookPushQueue>();
        _time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger(FaxWebhookDiagnostics.LoggerCategory) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _observers = [.. services.GetServices<IFaxWebhookRejectionObserver>()];
    }

    private string Provider => _registration.ProviderId;

    private string Instance => _registration.InstanceName;

    public async Task HandleAsync(HttpContext context)
    {
        if (context.GetRouteValue(FaxWebhookEndpointRouteBuilderExtensions.ExtraPathRouteValue) is string extra
            && _reservedSegments.Contains(extra.Split('/', 2)[0]))
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "webhooks are not enabled for this instance").ConfigureAwait(false);
            return;
        }

        // Created per request from the instance's current options, so secrets follow configuration reloads (rotation).
        FaxWebhookReceiver? receiver;
        try
        {
            receiver = _registration.Create(_services);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await FailAsync(context, exception).ConfigureAwait(false);
            return;
        }

        if (receiver is null)
        {
            await RejectAsync(context, StatusCodes.Status404NotFound, "webhooks are not enabled for this instance").ConfigureAwait(false);
            return;
        }

        var options = _options.CurrentValue;
        if (options.PublicBaseUrl is not { } publicBaseUrl)
        {
            await RejectAsync(context, StatusCodes.Status500InternalServerError, "FaxSdk:Webhooks:PublicBaseUrl is not set").ConfigureAwait(false);
            return;
        }

        var http = context.Request;
        var maxBodyBytes = receiver.MaxBodyBytes;
        if (maxBodyBytes < 0)
        {
            await FailAsync(context, new InvalidOperationException("The receiver's MaxBodyBytes is negative.")).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // The server stops reading at the same bound (one byte more is enough to refuse).
            bodySize.MaxRequestBodySize = maxBodyBytes == long.MaxValue ? null : maxBodyBytes + 1;
        }

        var publicUrl = PublicUrl(publicBaseUrl, _path + RawExtraPath(context), http.QueryString.Value);
        var headers = Headers(http); // read-only from here on: the early check and the request share it
        if (receiver.AuthenticatesFromHeaders)
        {
            // A credential, not a signature: checked before a byte of the body is read.
            FaxWebhookAuthentication early;
            try
            {
                early = receiver.Authenticate(new FaxWebhookRequest { Url = publicUrl, Method = http.Method, ContentType = http.ContentType, Headers = headers });
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                await FailAsync(context, exception).ConfigureAwait(false);
                return;
            }

            if (!early.Succeeded)
            {
                context.Response.Headers.Connection = "close";
                await RejectAsync(context, StatusCodes.Status401Unauthorized, early.FailureReason ?? "not authenticated").ConfigureAwait(false);
                return;
            }
        }

        var limits = new FaxWebhookReadLimits
        {
            MaxBodyBytes = maxBodyBytes,
            MaxFormFields = options.MaxFormFields,
            BodyReadTimeout = options.BodyReadTimeout,
            TimeProvider = _time,
        };
        FaxWebhookRequest request;
        try
        {
            request = await FaxWebhookRequestReader.ReadAsync(
                publicUrl,
                http.ContentType,
                http.Body,
                limits,
                receiver.ReadsForm,
                headers,
                http.ContentLength,
                context.RequestAborted).ConfigureAwait(false);
        }
        catch (FaxWebhookReadException exception)
        {
            if (exception.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status408RequestTimeout)
            {
                // The rest of the body is never read: the connection cannot carry another request.
                context.Response.Headers.Connection = "close";
            }

            await RejectAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            // The caller went away; nobody is left to answer.
            return;
        }
        catch (IOException)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "the body could not be read").ConfigureAwait(false);
            return;
        }

        IReadOnlyList<FaxPushedStatus> pushes;
        try
        {
            var authentication = receiver.AuthenticatesFromHeaders ? FaxWebhookAuthentication.Success : receiver.Authenticate(request);
            if (!authentication.Succeeded)
            {
                await RejectAsync(context, StatusCodes.Status401Unauthorized, authentication.FailureReason ?? "not authenticated").ConfigureAwait(false);
                return;
            }

            pushes = receiver.Parse(request);
        }
        catch (FaxSdkException exception)
        {
            // An unreadable body, or one that reports the provider's own error: the same body would fail again, so 400.
            await RejectAsync(context, StatusCodes.Status400BadRequest, $"unreadable push: {ShortReason(exception.Message)}").ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            await FailAsync(context, exception).ConfigureAwait(false);
            return;
        }

        if (pushes.Any(p => p is null || p.Job is null || p.Job.Provider != Provider || p.Job.Instance != Instance))
        {
            await RejectAsync(context, StatusCodes.Status500InternalServerError, "the receiver returned a push for another provider instance").ConfigureAwait(false);
            return;
        }

        if (pushes.Count > 0 && !_queue.TryEnqueue(new QueuedPushes(Provider, Instance, pushes)))
        {
            Log.QueueFull(_logger, _queue.Capacity, Provider, Instance);
            context.Response.Headers.RetryAfter = "60";
            await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, "busy: try again later").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = receiver.SuccessStatusCode;
        WebhookTelemetry.RecordRequest(Provider, Instance, accepted: true, receiver.SuccessStatusCode);
        Log.Accepted(_logger, Provider, Instance, pushes.Count);
    }

    /// <summary>The URL the provider called: the public base URL, the endpoint's path, and the query string as received.</summary>
    internal static Uri PublicUrl(Uri publicBaseUrl, string path, string? query)
    {
        // As configured (OriginalString): the provider signs the URL as it was given, default port and case included.
        var baseText = publicBaseUrl.OriginalString.TrimEnd('/');
        return new Uri(baseText + path + (query ?? ""), UriKind.Absolute);
    }

    /// <summary>
    /// What follows the endpoint's path (a secret path segment such as <c>/{secret}</c>, or a trailing slash), as the
    /// request spelled it; empty for a request to the endpoint's path itself.
    /// </summary>
    private string RawExtraPath(HttpContext context)
    {
        if (context.GetRouteValue(FaxWebhookEndpointRouteBuilderExtensions.ExtraPathRouteValue) is not string { Length: > 0 } extra)
        {
            // Routing matches "{path}/" too; a provider given the URL with its trailing slash signs it with the slash.
            return context.Request.Path.Value?.EndsWith('/') == true ? "/" : "";
        }

        // The raw request target keeps the caller's escaping; the route value is decoded.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var rawPath = raw.Split('?', 2)[0];
        var at = rawPath.LastIndexOf(_path + "/", StringComparison.Ordinal);
        return at >= 0 && rawPath.Length > at + _path.Length + 1
            ? rawPath[(at + _path.Length)..]
            : new PathString("/" + extra).ToUriComponent();
    }

    private static Dictionary<string, string> Headers(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return headers;
    }

    private static string ShortReason(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : string.Concat(line.AsSpan(0, 200), "…");
    }

    private async Task FailAsync(HttpContext context, Exception exception)
    {
        Log.ReceiverFailed(_logger, Provider, Instance, exception.GetType().Name);
        await RejectAsync(context, StatusCodes.Status500InternalServerError, "the receiver failed", logged: true).ConfigureAwait(false);
    }

    private async Task RejectAsync(HttpContext context, int statusCode, string reason, bool logged = false)
    {
        if (!logged)
        {
            if (statusCode == StatusCodes.Status401Unauthorized)
            {
                Log.AuthenticationFailed(_logger, Provider, Instance, reason);
            }
            else
            {
                Log.Rejected(_logger, Provider, Instance, statusCode, reason);
            }
        }

        WebhookTelemetry.RecordRequest(Provider, Instance, accepted: false, statusCode);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnRejected(new FaxWebhookRejection(Provider, Instance, statusCode, reason));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Log.ObserverFailed(_logger, exception.GetType().Name);
            }
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason + "\n", CancellationToken.None).ConfigureAwait(false);
    }
}
