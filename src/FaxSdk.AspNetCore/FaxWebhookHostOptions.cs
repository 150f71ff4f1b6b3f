namespace FaxSdk.AspNetCore;

/// <summary>
/// How <see cref="FaxWebhookEndpointRouteBuilderExtensions.MapFaxWebhooks"/> endpoints receive pushes; bound from
/// <c>FaxSdk:Webhooks</c> and validated at start (<c>ValidateOnStart</c>), each failure naming its configuration path.
/// Each provider instance's own webhook settings (enabled, secrets, <see cref="FaxWebhookReceiver.MaxBodyBytes"/>) live
/// under <c>FaxSdk:{Provider}[:Instances:{name}]:Webhooks</c> and belong to its provider package.
/// </summary>
public sealed class FaxWebhookHostOptions
{
    /// <summary>The configuration key below the FaxSdk section: <c>Webhooks</c>.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>
    /// The public base URL providers call (for example <c>https://fax.example.com</c>): the URL a provider signs is this,
    /// plus the endpoint's path, plus the query string as received, never a URL rebuilt from <c>Host</c> or
    /// <c>X-Forwarded-*</c> headers. Required (absolute, http or https, no query or fragment) when any receiver is enabled.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long reading one request body may take before the request is answered 408. Default 10 seconds.</summary>
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most fields and file parts a form body may have; more are answered 413 without being read. Default 200.</summary>
    public int MaxFormFields { get; set; } = 200;

    /// <summary>
    /// How many accepted requests may wait for <see cref="FaxStatusClient.Pushes"/> (which may confirm an unsigned final
    /// state with a status read); when the queue is full a request is answered 503 so the provider retries. Default 1,000.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How many queued pushes are handed to <see cref="FaxStatusClient.Pushes"/> at once. Default 4.</summary>
    public int QueueConcurrency { get; set; } = 4;
}
