using System.Text;
using FaxSdk.Tests.Resilience;

namespace FaxSdk.Tests.Diagnostics;

public class CredentialFreeLogTests
{
    [Fact]
    public async Task Logs_and_errors_of_a_troubled_run_never_contain_the_credentials()
    {
        const string key = "phaxio-key-0451";
        const string secret = "phaxio-secret-9f2c";
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}"));
        using var host = new ResilienceRig(
            o => o.CircuitBreakerMinimumThroughput = 4,
            ScriptedHandler.Status(503, body: $$"""{"message":"upstream said {{secret}}"}"""),
            ScriptedHandler.Throws(new HttpRequestException("Connection reset")),
            ScriptedHandler.Status(429, "1"),
            ScriptedHandler.Status(502),
            ScriptedHandler.Status(401),
            ScriptedHandler.Ok(ResilienceRig.PhaxioOk));
        var errors = new List<Exception>();

        errors.Add(await Assert.ThrowsAnyAsync<FaxSdkException>(() => host.Clock.Drive(host.Status())));  // 4 failed attempts, circuit opens
        errors.Add(await Assert.ThrowsAnyAsync<FaxSdkException>(() => host.Clock.Drive(host.Status())));  // fails fast
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        errors.Add(await Assert.ThrowsAnyAsync<FaxSdkException>(() => host.Clock.Drive(host.Status())));  // probe: 401
        await host.Clock.Drive(host.Status());

        var text = host.Logs.AllText + "\n" + string.Join("\n", errors.Select(e => e.ToString()));
        Assert.Contains("OnRetry", host.Logs.PollyEvents);          // Polly's telemetry logged the retries …
        Assert.Contains("OnCircuitOpened", host.Logs.PollyEvents);  // … and the circuit opening
        Assert.Contains(host.Logs.Events, e => e.Category == "Polly" && e.Id.Name == "ExecutionAttempt");
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, text, StringComparison.Ordinal);
    }
}
