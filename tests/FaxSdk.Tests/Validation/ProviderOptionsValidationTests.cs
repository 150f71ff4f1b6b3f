using FaxSdk.Resilience;
using FaxSdk.Tests.Transport;
using FaxSdk.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.Tests.Validation;

/// <summary>The shared checks of provider options (see also FaxSdk.Providers.Tests' StartupValidationTests).</summary>
public class ProviderOptionsValidationTests
{
    private static IReadOnlyList<string> StartupFailures(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
        catch (AggregateException exception)
        {
            return [.. exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    [Fact]
    public void A_base_address_the_provider_uses_is_required_absolute_and_https_outside_loopback()
    {
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk();
        DependencyInjectionTests.AddEcho(fax, "none", o => o.Account = "a");
        DependencyInjectionTests.AddEcho(fax, "relative", o => { o.Account = "a"; o.BaseAddress = new Uri("/api", UriKind.Relative); });
        DependencyInjectionTests.AddEcho(fax, "plain", o => { o.Account = "a"; o.BaseAddress = new Uri("http://fax.example/"); });
        DependencyInjectionTests.AddEcho(fax, "loopback", o => { o.Account = "a"; o.BaseAddress = new Uri("http://127.0.0.1:5000/"); });
        DependencyInjectionTests.AddEcho(fax, "trusted", o => { o.Account = "a"; o.BaseAddress = new Uri("http://fax.example/"); o.AllowInsecureHttp = true; });

        var failures = StartupFailures(services);

        Assert.Equal(3, failures.Count);
        Assert.Contains("FaxSdk:Echo:Instances:none:BaseAddress: is required.", failures);
        Assert.Contains("FaxSdk:Echo:Instances:relative:BaseAddress: must be an absolute http(s) URL.", failures);
        Assert.Contains(failures, f => f.StartsWith("FaxSdk:Echo:Instances:plain:BaseAddress: refusing plain http to 'fax.example'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_resilience_rule_is_checked_and_named()
    {
        var options = new FaxResilienceOptions
        {
            TotalTimeout = TimeSpan.FromSeconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            MaxRetryAttempts = -1,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            CircuitBreakerFailureRatio = 0,
            CircuitBreakerMinimumThroughput = 1,
            CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(100),
        };

        var problems = FaxSettingsChecks.ResilienceProblems(options, "FaxSdk:Phaxio:Resilience");

        Assert.Equal(
            [
                "The field FaxSdk:Phaxio:Resilience:MaxRetryAttempts must be between 0 and 100.",
                "The field FaxSdk:Phaxio:Resilience:CircuitBreakerFailureRatio must be between 0 exclusive and 1.",
                "The field FaxSdk:Phaxio:Resilience:CircuitBreakerMinimumThroughput must be between 2 and 2147483647.",
                "FaxSdk:Phaxio:Resilience:RetryBaseDelay: must be between 0 and 1 day.",
                "FaxSdk:Phaxio:Resilience:CircuitBreakerBreakDuration: must be between 0.5 s and 1 day.",
                "FaxSdk:Phaxio:Resilience:AttemptTimeout: must not be longer than FaxSdk:Phaxio:Resilience:TotalTimeout.",
            ],
            problems);
        Assert.Empty(FaxSettingsChecks.ResilienceProblems(new FaxResilienceOptions(), "FaxSdk:Phaxio:Resilience"));
        Assert.Empty(FaxSettingsChecks.ResilienceProblems(new FaxResilienceOptions { TotalTimeout = Timeout.InfiniteTimeSpan, AttemptTimeout = Timeout.InfiniteTimeSpan }, "x"));
    }
    [Fact]
    public void A_timeout_or_size_cap_too_large_to_use_stops_start_up_instead_of_failing_the_first_call()
    {
        // HttpClient.Timeout refuses more than int.MaxValue ms and a CancellationTokenSource more than uint.MaxValue - 1 ms;
        // a size cap of long.MaxValue overflowed the buffer arithmetic: each was an ArgumentOutOfRangeException at the first call.
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk();
        DependencyInjectionTests.AddEcho(fax, "long", o => { o.Account = "a"; o.BaseAddress = new Uri("https://fax.example/"); o.Timeout = TimeSpan.FromDays(60); });
        DependencyInjectionTests.AddEcho(fax, "huge", o => { o.Account = "a"; o.BaseAddress = new Uri("https://fax.example/"); o.MaxResponseBytes = long.MaxValue; });
        DependencyInjectionTests.AddEcho(fax, "edge", o =>
        {
            o.Account = "a";
            o.BaseAddress = new Uri("https://fax.example/");
            o.Timeout = TimeSpan.FromDays(1);
            o.MaxResponseBytes = 1L << 30;
        });
        DependencyInjectionTests.AddEcho(fax, "infinite", o => { o.Account = "a"; o.BaseAddress = new Uri("https://fax.example/"); o.Timeout = Timeout.InfiniteTimeSpan; });

        var failures = StartupFailures(services);

        Assert.Equal(
            [
                "FaxSdk:Echo:Instances:huge:MaxResponseBytes: must be positive and at most 1 GiB.",
                "FaxSdk:Echo:Instances:long:Timeout: must be positive and at most 1 day (or infinite).",
            ],
            failures.Order(StringComparer.Ordinal));
    }
}
