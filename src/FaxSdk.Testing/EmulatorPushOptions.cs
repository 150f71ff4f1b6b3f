namespace FaxSdk.Testing;

/// <summary>
/// Where and how the emulator pushes job progress (webhooks) in each provider's documented shape, as its scripted jobs
/// progress: Phaxio v2.1 webhooks, Retarus HTTP status pushes, Concord delivery notifications and the Pantarey push
/// FaxSdk defines. StoneFax has no push. Set <see cref="FaxEmulatorOptions.Push"/> to enable.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await FaxEmulator.StartAsync(new FaxEmulatorOptions
/// {
///     Push = new EmulatorPushOptions { BaseAddress = new Uri("http://127.0.0.1:5000/faxsdk/hooks") },
/// });
/// // Phaxio pushes go to http://127.0.0.1:5000/faxsdk/hooks/phaxio, Retarus ones to …/retarus, and so on.
/// </code>
/// </example>
public sealed record EmulatorPushOptions
{
    /// <summary>
    /// The base every provider's push URL is built from: <c>{BaseAddress}/{provider}</c>, or
    /// <c>{BaseAddress}/{provider}/{Instance}</c> when <see cref="Instance"/> is set (the paths <c>MapFaxWebhooks(prefix)</c>
    /// maps when <c>BaseAddress</c> is the host's address plus the prefix). A trailing slash is ignored.
    /// </summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>Push URLs per provider id that override the one built from <see cref="BaseAddress"/>, used exactly as given (Phaxio signs this string).</summary>
    public IReadOnlyDictionary<string, Uri>? Addresses { get; init; }

    /// <summary>
    /// The provider instance name the pushes are for, or <see langword="null"/> for the default instance. When set, push
    /// URLs end in <c>/{provider}/{Instance}</c>, and <see cref="FaxEmulator.CreateConfiguration"/> writes every
    /// provider's settings under <c>FaxSdk:{Provider}:Instances:{Instance}</c>.
    /// </summary>
    public string? Instance { get; init; }

    /// <summary>
    /// Whether Phaxio's in-flight webhooks (<c>transmitting_page</c>, <c>retry_scheduled</c>) are sent; Phaxio sends them
    /// only when enabled on the webhook settings page. Default <see langword="true"/>.
    /// </summary>
    public bool PhaxioInflightEvents { get; init; } = true;

    /// <summary>The flavour of Concord's push notification: the url-encoded form (default) or the SOAP <c>FaxDeliveryNotification</c>.</summary>
    public EmulatedConcordPushFormat ConcordFormat { get; init; } = EmulatedConcordPushFormat.Form;

    /// <summary>How long one push may take on the wire (real time, not the emulator's clock) before it is recorded as failed. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many due pushes may wait to be sent; a push due while the queue is full is recorded as not sent
    /// (<see cref="EmulatedPush.Error"/>). Pushes go out one at a time, in order. Default 10,000.
    /// </summary>
    public int MaxQueuedPushes { get; init; } = 10_000;

    /// <summary>The URL a provider's pushes go to: its <see cref="Addresses"/> entry, or one built from <see cref="BaseAddress"/>; <see langword="null"/> when neither is set.</summary>
    /// <param name="provider">The provider id.</param>
    /// <returns>The URL, or <see langword="null"/>.</returns>
    public Uri? AddressFor(string provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        if (Addresses is not null && Addresses.TryGetValue(provider, out var address))
        {
            return address;
        }

        if (BaseAddress is null)
        {
            return null;
        }

        var path = Instance is null ? provider : $"{provider}/{Uri.EscapeDataString(Instance)}";
        return new Uri($"{BaseAddress.AbsoluteUri.TrimEnd('/')}/{path}");
    }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">An address is not an absolute http(s) URL, or the instance name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout or the queue size is not positive.</exception>
    public void Validate()
    {
        foreach (var address in (Addresses?.Values ?? []).Append(BaseAddress).OfType<Uri>())
        {
            if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"A push address must be an absolute http or https URL (got '{address}').", nameof(Addresses));
            }
        }

        if (Instance is not null && string.IsNullOrWhiteSpace(Instance))
        {
            throw new ArgumentException("The instance name must not be blank.", nameof(Instance));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedPushes, 1, nameof(MaxQueuedPushes));
    }
}
