using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk;

/// <summary>
/// Describes one provider package, once: its id, its configuration section, how an instance is registered from
/// configuration, and how its stored payloads are read. Each provider package exposes one (for example
/// <c>PhaxioProvider.Descriptor</c>); FaxSdk uses it for registration and start-up validation messages, and tools such
/// as <c>faxstatus</c> and the emulator read their provider lists from the descriptors they are given.
/// </summary>
public sealed class FaxProviderDescriptor
{
    private readonly Func<IFaxSdkBuilder, string, IHttpClientBuilder> _addInstance;
    private readonly FaxPayloadParser? _payloadParser;

    /// <summary>Describes a provider.</summary>
    /// <param name="id">The provider's lowercase id, as in <see cref="FaxJobReference.Provider"/> (for example <c>phaxio</c>).</param>
    /// <param name="configurationSection">Its section below the FaxSdk section (for example <c>Phaxio</c>, read from <c>FaxSdk:Phaxio</c>).</param>
    /// <param name="addInstance">Registers one instance (<see cref="FaxJobReference.DefaultInstance"/> or a name) from configuration; the package's <c>Add…(builder, instanceName)</c> method.</param>
    /// <param name="payloadParser">Reads a stored status payload (a response body or webhook) into canonical statuses, if the package has a public parser.</param>
    /// <exception cref="ArgumentException">The id is not lowercase letters, digits and hyphens, or the section is empty or contains <c>:</c>.</exception>
    public FaxProviderDescriptor(string id, string configurationSection, Func<IFaxSdkBuilder, string, IHttpClientBuilder> addInstance, FaxPayloadParser? payloadParser = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSection);
        ArgumentNullException.ThrowIfNull(addInstance);
        if (!id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new ArgumentException($"A provider id is lowercase letters, digits and hyphens ('{id}' is not).", nameof(id));
        }

        if (configurationSection.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A provider's configuration section is one key ('{configurationSection}' contains ':').", nameof(configurationSection));
        }

        Id = id;
        ConfigurationSection = configurationSection;
        _addInstance = addInstance;
        _payloadParser = payloadParser;
    }

    /// <summary>The provider's lowercase id, such as <c>phaxio</c>.</summary>
    public string Id { get; }

    /// <summary>The provider's section below the FaxSdk section, such as <c>Phaxio</c>.</summary>
    public string ConfigurationSection { get; }

    /// <summary>
    /// Reads a stored push body of this provider (a webhook, callback or status push) without authenticating it, for
    /// tools such as <c>faxstatus parse --content-type</c>; <see langword="null"/> when the provider does not push.
    /// </summary>
    public FaxWebhookPayloadParser? WebhookParser { get; init; }

    /// <summary>Whether <see cref="ParsePayload"/> is available.</summary>
    public bool CanParsePayloads => _payloadParser is not null;

    /// <summary>Registers one instance of this provider from configuration (as its package's <c>Add…</c> method does).</summary>
    /// <param name="builder">The FaxSdk builder.</param>
    /// <param name="instanceName">The instance name; <see cref="FaxJobReference.DefaultInstance"/> reads <c>FaxSdk:{Section}</c>, another name <c>FaxSdk:{Section}:Instances:{name}</c>.</param>
    /// <returns>The instance's HttpClient builder.</returns>
    public IHttpClientBuilder AddInstance(IFaxSdkBuilder builder, string instanceName = FaxJobReference.DefaultInstance)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        return _addInstance(builder, instanceName);
    }

    /// <summary>
    /// Registers every instance of this provider that the builder's configuration has: the default instance when
    /// <c>FaxSdk:{Section}</c> holds a setting other than <c>Instances</c>, and each <c>FaxSdk:{Section}:Instances:{name}</c>.
    /// </summary>
    /// <param name="builder">The FaxSdk builder (added with configuration).</param>
    /// <returns>The instance names registered, in configuration order; empty when the provider is not configured.</returns>
    public IReadOnlyList<string> AddConfiguredInstances(IFaxSdkBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration is not { } configuration)
        {
            return [];
        }

        var added = new List<string>();
        var section = configuration.GetSection(ConfigurationSection);
        if (section.GetChildren().Any(c => !string.Equals(c.Key, FaxSdkConfiguration.InstancesKey, StringComparison.OrdinalIgnoreCase)))
        {
            AddInstance(builder, FaxJobReference.DefaultInstance);
            added.Add(FaxJobReference.DefaultInstance);
        }

        foreach (var instance in builder.GetConfiguredInstanceNames(ConfigurationSection))
        {
            AddInstance(builder, instance);
            added.Add(instance);
        }

        return added;
    }

    /// <summary>
    /// The configuration path of one instance's settings, as start-up validation names it:
    /// <c>{root}:{Section}</c> or <c>{root}:{Section}:Instances:{instanceName}</c>.
    /// </summary>
    /// <param name="instanceName">The instance name.</param>
    /// <param name="root">The FaxSdk section's path. Default <c>FaxSdk</c>.</param>
    /// <returns>The path.</returns>
    public string GetConfigurationPath(string instanceName = FaxJobReference.DefaultInstance, string root = FaxSdkConfiguration.DefaultSectionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var path = ConfigurationPath.Combine(root, ConfigurationSection);
        return instanceName == FaxJobReference.DefaultInstance ? path : ConfigurationPath.Combine(path, FaxSdkConfiguration.InstancesKey, instanceName);
    }

    /// <summary>Reads a stored payload of this provider (a status response or webhook body) into canonical statuses.</summary>
    /// <param name="payload">The payload's bytes (UTF-8).</param>
    /// <param name="context">What the payload does not say about itself; <see langword="null"/> for <see cref="FaxPayloadContext.None"/>.</param>
    /// <returns>The statuses it holds.</returns>
    /// <exception cref="NotSupportedException">The provider has no payload parser (<see cref="CanParsePayloads"/> is <see langword="false"/>).</exception>
    /// <exception cref="FaxProtocolException">The payload cannot be read.</exception>
    /// <exception cref="FaxSdkException">The payload is the provider's error answer.</exception>
    public IReadOnlyList<FaxJobStatus> ParsePayload(ReadOnlySpan<byte> payload, FaxPayloadContext? context = null) =>
        _payloadParser is { } parse ? parse(payload, context ?? FaxPayloadContext.None) : throw new NotSupportedException($"The provider '{Id}' has no payload parser.");

    /// <inheritdoc />
    public override string ToString() => Id;
}
