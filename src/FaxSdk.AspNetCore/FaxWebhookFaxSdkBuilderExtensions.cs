using FaxSdk;
using FaxSdk.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the webhook host that <c>MapFaxWebhooks</c> needs.</summary>
public static class FaxWebhookFaxSdkBuilderExtensions
{
    /// <summary>
    /// Adds the webhook host: its options bound from <c>FaxSdk:Webhooks</c> (when FaxSdk was added with configuration)
    /// and validated at start, and the bounded queue (a hosted service) that hands pushes to
    /// <see cref="FaxStatusClient.Pushes"/>. Safe to call more than once. Provider packages register their receivers
    /// (<see cref="FaxWebhookRegistration"/>); map them with <c>app.MapFaxWebhooks()</c>.
    /// </summary>
    /// <param name="builder">The FaxSdk builder from <c>services.AddFaxSdk(configuration)</c>.</param>
    /// <param name="configure">Sets host options after configuration, optional.</param>
    /// <returns>The same builder.</returns>
    public static IFaxSdkBuilder AddFaxWebhooks(this IFaxSdkBuilder builder, Action<FaxWebhookHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var optionsBuilder = services.AddOptions<FaxWebhookHostOptions>();
        if (!services.Any(d => d.ServiceType == typeof(WebhookPushQueue)))
        {
            var section = builder.Configuration?.GetSection(FaxWebhookHostOptions.SectionName);
            if (section is not null)
            {
                optionsBuilder.Bind(section);
            }

            var root = builder.Configuration is IConfigurationSection { Path.Length: > 0 } faxSdk ? faxSdk.Path : FaxSdkConfiguration.DefaultSectionName;
            var path = $"{root}:{FaxWebhookHostOptions.SectionName}";
            services.AddSingleton<IValidateOptions<FaxWebhookHostOptions>>(sp => new FaxWebhookHostOptionsValidator(sp, path));
            optionsBuilder.ValidateOnStart();
            services.AddSingleton<WebhookPushQueue>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<WebhookPushQueue>());
        }

        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        return builder;
    }
}
