using System.Globalization;
using FaxSdk;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Where provider packages find their settings in configuration.</summary>
public static class FaxSdkConfiguration
{
    /// <summary>The configuration section FaxSdk reads by default: <c>FaxSdk</c>.</summary>
    public const string DefaultSectionName = "FaxSdk";

    /// <summary>The key below a provider's section that holds its named instances.</summary>
    internal const string InstancesKey = "Instances";

    /// <summary>
    /// The configuration section of one provider instance: <c>{FaxSdk}:{providerSection}</c> for the default instance,
    /// <c>{FaxSdk}:{providerSection}:Instances:{instanceName}</c> for a named one.
    /// </summary>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="providerSection">The provider's section name, such as <c>Phaxio</c>.</param>
    /// <param name="instanceName">The instance name.</param>
    /// <returns>The section, or <see langword="null"/> when FaxSdk was added without configuration.</returns>
    public static IConfigurationSection? GetProviderSection(this IFaxSdkBuilder builder, string providerSection, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerSection);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        if (builder.Configuration is not { } configuration)
        {
            return null;
        }

        var section = configuration.GetSection(providerSection);
        return instanceName == FaxJobReference.DefaultInstance ? section : section.GetSection(InstancesKey).GetSection(instanceName);
    }

    /// <summary>The instance names configured under <c>{FaxSdk}:{providerSection}:Instances</c>.</summary>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="providerSection">The provider's section name, such as <c>Phaxio</c>.</param>
    /// <returns>The names, in configuration order; empty without configuration.</returns>
    public static IReadOnlyList<string> GetConfiguredInstanceNames(this IFaxSdkBuilder builder, string providerSection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerSection);
        return builder.Configuration is { } configuration
            ? [.. configuration.GetSection(providerSection).GetSection(InstancesKey).GetChildren().Select(c => c.Key)]
            : [];
    }

    /// <summary>The path of the FaxSdk section the builder reads (<c>FaxSdk</c> when it was added without configuration).</summary>
    internal static string RootPath(IFaxSdkBuilder builder) =>
        builder.Configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path : DefaultSectionName;

    internal static void BindClientOptions(IConfiguration section, FaxStatusClientOptions options)
    {
        if (int.TryParse(section["MaxConcurrencyPerProvider"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var concurrency))
        {
            options.MaxConcurrencyPerProvider = concurrency;
        }

        if (int.TryParse(section["TerminalStatusCapacity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity))
        {
            options.TerminalStatusCapacity = capacity;
        }

        var pushes = section.GetSection("Pushes");
        if (bool.TryParse(pushes["ConfirmUnsignedFinalStates"], out var confirm))
        {
            options.Pushes.ConfirmUnsignedFinalStates = confirm;
        }

        if (int.TryParse(pushes["DeduplicationCapacity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var dedupe))
        {
            options.Pushes.DeduplicationCapacity = dedupe;
        }

        if (int.TryParse(section.GetSection("ErrorPolicy")["MaxNotFoundPolls"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var misses))
        {
            options.ErrorPolicy = options.ErrorPolicy with { MaxNotFoundPolls = misses };
        }

        var polling = section.GetSection("Polling");
        options.Polling = options.Polling with
        {
            MinimumInterval = ReadTimeSpan(polling, "MinimumInterval") ?? options.Polling.MinimumInterval,
            MaximumInterval = ReadTimeSpan(polling, "MaximumInterval") ?? options.Polling.MaximumInterval,
            BackoffFactor = double.TryParse(polling["BackoffFactor"], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) ? factor : options.Polling.BackoffFactor,
            JitterRatio = double.TryParse(polling["JitterRatio"], NumberStyles.Float, CultureInfo.InvariantCulture, out var jitter) ? jitter : options.Polling.JitterRatio,
        };
    }

    internal static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        TimeSpan.TryParse(section[key], CultureInfo.InvariantCulture, out var value) ? value : null;
}
