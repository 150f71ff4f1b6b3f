using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.AspNetCore;

/// <summary>
/// Validates <see cref="FaxWebhookHostOptions"/> at start; each failure names its configuration path. The public base
/// URL is required only when a receiver is enabled (a registration whose <c>Create</c> returns one).
/// </summary>
internal sealed class FaxWebhookHostOptionsValidator(IServiceProvider services, string path) : IValidateOptions<FaxWebhookHostOptions>
{
    private static readonly TimeSpan MaxBodyReadTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, FaxWebhookHostOptions options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.PublicBaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{path}:PublicBaseUrl must be an absolute http or https URL (the base URL providers call).");
            }
            else if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            {
                failures.Add($"{path}:PublicBaseUrl must not have a query, a fragment or credentials.");
            }
        }
        else if (EnabledReceiver() is { } enabled)
        {
            failures.Add($"{path}:PublicBaseUrl is required: webhooks are enabled for {enabled} (the URL a provider signs is this base, plus the endpoint's path, plus the query string).");
        }

        if (options.BodyReadTimeout <= TimeSpan.Zero || options.BodyReadTimeout > MaxBodyReadTimeout)
        {
            failures.Add($"{path}:BodyReadTimeout must be more than 0 and at most {MaxBodyReadTimeout}.");
        }

        if (options.MaxFormFields is < 1 or > 100_000)
        {
            failures.Add($"{path}:MaxFormFields must be from 1 to 100000.");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add($"{path}:QueueCapacity must be from 1 to 1000000.");
        }

        if (options.QueueConcurrency is < 1 or > 64)
        {
            failures.Add($"{path}:QueueConcurrency must be from 1 to 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? EnabledReceiver()
    {
        foreach (var registration in services.GetServices<FaxWebhookRegistration>())
        {
            try
            {
                if (registration.Create(services) is not null)
                {
                    return $"{registration.ProviderId}/{registration.InstanceName}";
                }
            }
            catch (OptionsValidationException)
            {
                // That instance's own validation reports its problem.
            }
        }

        return null;
    }
}
