using FaxSdk.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FaxSdk.Resilience;

/// <summary>
/// Named <see cref="FaxResilienceOptions"/> (named like the provider instance's HttpClient) copied from the provider's
/// options, whose change notifications fire only when a resilience value really changed. The pipeline reloads on
/// them, so a configuration reload that leaves the <c>Resilience</c> section as it was keeps the pipeline, and its
/// circuit breaker's state, as they are.
/// </summary>
internal sealed class FaxResilienceOptionsSource<TOptions>(string name, IOptionsMonitor<TOptions> providerOptions)
    : IConfigureNamedOptions<FaxResilienceOptions>, IOptionsChangeTokenSource<FaxResilienceOptions>, IDisposable
    where TOptions : FaxProviderOptions, new()
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();
    private FaxResilienceOptions? _current;
    private IDisposable? _subscription;

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public void Configure(string? optionsName, FaxResilienceOptions options)
    {
        if (optionsName != name)
        {
            return;
        }

        providerOptions.Get(name).Resilience.CopyTo(options);
        lock (_gate)
        {
            _current = options.Copy();
        }
    }

    /// <inheritdoc />
    public void Configure(FaxResilienceOptions options) => Configure(Options.DefaultName, options);

    /// <inheritdoc />
    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            _subscription ??= providerOptions.OnChange(OnProviderOptionsChanged);
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _subscription?.Dispose();
            _changed.Dispose();
        }
    }

    private void OnProviderOptionsChanged(TOptions options, string? optionsName)
    {
        if (optionsName != name)
        {
            return;
        }

        CancellationTokenSource fired;
        lock (_gate)
        {
            if (_current is not null && options.Resilience is { } resilience && resilience.HasSameValues(_current))
            {
                return;
            }

            fired = _changed;
            _changed = new CancellationTokenSource();
        }

        // Not disposed: a listener may still register on its (already cancelled) token.
        fired.Cancel();
    }
}
