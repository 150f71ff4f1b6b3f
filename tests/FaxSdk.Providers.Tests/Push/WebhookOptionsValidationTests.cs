using FaxSdk.Concord;
using FaxSdk.Pantarey;
using FaxSdk.Retarus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaxSdk.Providers.Tests.Push;

/// <summary>The <c>Webhooks</c> settings of Retarus, Concord and Pantarey: checked at start-up with messages that name the configuration path, and treated as secrets.</summary>
public class WebhookOptionsValidationTests
{
    private static IReadOnlyList<string> StartupFailures(Dictionary<string, string?> settings, Action<IFaxSdkBuilder> add)
    {
        var services = new ServiceCollection();
        add(services.AddFaxSdk(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
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
    public void Retarus_enabled_without_credentials_names_each_missing_setting_by_its_path()
    {
        var failures = StartupFailures(new()
        {
            ["FaxSdk:Retarus:Instances:eu:CustomerNumber"] = "99999TE",
            ["FaxSdk:Retarus:Instances:eu:Username"] = "u",
            ["FaxSdk:Retarus:Instances:eu:Password"] = "p",
            ["FaxSdk:Retarus:Instances:eu:Webhooks:Enabled"] = "true",
            ["FaxSdk:Retarus:Instances:eu:Webhooks:Password"] = "short",
            ["FaxSdk:Retarus:Instances:eu:Webhooks:MaxBodyBytes"] = "10",
        }, fax => fax.AddRetarus("eu"));

        Assert.Contains(failures, f => f.StartsWith("FaxSdk:Retarus:Instances:eu:Webhooks:Username: is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("FaxSdk:Retarus:Instances:eu:Webhooks:Password: is required when webhooks are enabled, at least 16", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("FaxSdk:Retarus:Instances:eu:Webhooks:MaxBodyBytes:", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("short", StringComparison.Ordinal));
    }

    [Fact]
    public void Concord_and_pantarey_enabled_without_a_good_secret_are_refused_and_disabled_webhooks_need_nothing()
    {
        var concord = StartupFailures(new()
        {
            ["FaxSdk:Concord:UserId"] = "mbx1",
            ["FaxSdk:Concord:AccessToken"] = "token",
            ["FaxSdk:Concord:Webhooks:Enabled"] = "true",
            ["FaxSdk:Concord:Webhooks:Secret"] = "has spaces and is long enough to pass 32",
            ["FaxSdk:Concord:Webhooks:SecretHeader"] = "X Token",
        }, fax => fax.AddConcord());
        var pantarey = StartupFailures(new()
        {
            ["FaxSdk:Pantarey:BaseAddress"] = "https://acme.pantarey.example/q",
            ["FaxSdk:Pantarey:BearerToken"] = "0123456789abcdef0123456789abcdef",
            ["FaxSdk:Pantarey:Webhooks:Enabled"] = "true",
            ["FaxSdk:Pantarey:Webhooks:Secret"] = "0123456789abcdef0123456789abcdef",
        }, fax => fax.AddPantarey());
        var disabled = StartupFailures(new()
        {
            ["FaxSdk:Pantarey:BaseAddress"] = "https://acme.pantarey.example/q",
            ["FaxSdk:Pantarey:BearerToken"] = "token",
            ["FaxSdk:Pantarey:Webhooks:Enabled"] = "false",
        }, fax => fax.AddPantarey());

        Assert.Contains(concord, f => f.StartsWith("FaxSdk:Concord:Webhooks:Secret: is required when webhooks are enabled: at least 32 URL-safe", StringComparison.Ordinal));
        Assert.Contains(concord, f => f.StartsWith("FaxSdk:Concord:Webhooks:SecretHeader:", StringComparison.Ordinal));
        Assert.Contains(pantarey, f => f.StartsWith("FaxSdk:Pantarey:Webhooks:Secret: must differ from BearerToken", StringComparison.Ordinal));
        Assert.Empty(disabled);
    }

    [Fact]
    public void Push_credentials_are_secrets_that_never_show_in_provider_errors()
    {
        var retarus = new RetarusOptions { Webhooks = new RetarusWebhookOptions { Password = "push-password-1", PreviousPassword = "push-password-0" } };
        var concord = new ConcordOptions { Webhooks = new ConcordWebhookOptions { Secret = "concord-secret-1", PreviousSecret = "concord-secret-0" } };
        var pantarey = new PantareyOptions { Webhooks = new PantareyWebhookOptions { Secret = "pantarey-secret-1", PreviousSecret = "pantarey-secret-0" } };

        Assert.Superset(new HashSet<string?> { "push-password-1", "push-password-0" }, retarus.GetSecretValues().ToHashSet());
        Assert.Superset(new HashSet<string?> { "concord-secret-1", "concord-secret-0" }, concord.GetSecretValues().ToHashSet());
        Assert.Superset(new HashSet<string?> { "pantarey-secret-1", "pantarey-secret-0" }, pantarey.GetSecretValues().ToHashSet());
    }
}
