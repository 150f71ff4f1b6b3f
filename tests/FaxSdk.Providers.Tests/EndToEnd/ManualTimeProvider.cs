namespace FaxSdk.Providers.Tests.EndToEnd;

/// <summary>A clock tests move by hand (Microsoft.Extensions.TimeProvider.Testing is not available here).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
