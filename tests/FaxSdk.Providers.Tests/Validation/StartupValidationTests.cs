using FaxSdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaxSdk.Providers.Tests.Validation;

/// <summary>Start-up validation of provider options: shared checks that cannot be skipped, messages that name the configuration path.</summary>
public class StartupValidationTests
{
    private static readonly FaxProviderDescriptor Annotated = new("annotated", "Annotated", (builder, instance) => AddAnnotated(builder, instance));

    private static IHttpClientBuilder AddAnnotated(IFaxSdkBuilder builder, string instance, Action<AnnotatedOptions>? configure = null) =>
        builder.AddProvider<NullProvider, AnnotatedOptions>(
            Annotated,
            instance,
            options =>
            {
                if (builder.GetProviderSection(Annotated.ConfigurationSection, instance) is { } section)
                {
                    options.Account = section["Account"] ?? options.Account;
                    options.Lines = int.TryParse(section["Lines"], out var lines) ? lines : options.Lines;
                    options.Resilience.MaxRetryAttempts = int.TryParse(section["Resilience:MaxRetryAttempts"], out var retries) ? retries : options.Resilience.MaxRetryAttempts;
                }

                configure?.Invoke(options);
            },
            (_, _, _) => new NullProvider(Annotated.Id, instance),
            new AnnotatedOptionsValidator());

    internal static IReadOnlyList<string> StartupFailures(IServiceCollection services)
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

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    public static TheoryData<string> ProviderIds() => [.. FaxEmulator.Providers];

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public async Task Each_providers_resilience_section_is_validated_at_start_for_the_default_and_a_named_instance(string providerId)
    {
        await using var emulator = await FaxEmulator.StartAsync();
        var descriptor = FaxEmulator.ProviderDescriptors.Single(d => d.Id == providerId);
        var section = $"FaxSdk:{descriptor.ConfigurationSection}";
        var settings = emulator.CreateConfiguration()
            .Where(s => s.Key.StartsWith(section + ":", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value);
        foreach (var (key, value) in settings.ToList())
        {
            settings[$"{section}:Instances:eu:{key[(section.Length + 1)..]}"] = value;
        }

        settings[$"{section}:Resilience:MaxRetryAttempts"] = "500";
        settings[$"{section}:Instances:eu:Resilience:AttemptTimeout"] = "00:05:00";
        var services = new ServiceCollection();
        Assert.Equal([FaxJobReference.DefaultInstance, "eu"], descriptor.AddConfiguredInstances(services.AddFaxSdk(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())));

        var failures = StartupFailures(services);

        string[] expected =
        [
            $"The field {section}:Resilience:MaxRetryAttempts must be between 0 and 100.",
            $"{section}:Instances:eu:Resilience:AttemptTimeout: must not be longer than {section}:Instances:eu:Resilience:TotalTimeout.",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_host_does_not_start_with_an_invalid_Retarus_resilience_value()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FaxSdk:Retarus:CustomerNumber"] = "99999TE",
            ["FaxSdk:Retarus:Username"] = "user",
            ["FaxSdk:Retarus:Password"] = "pass",
            ["FaxSdk:Retarus:Resilience:MaxRetryAttempts"] = "101",
        });
        builder.Services.AddFaxSdk(builder.Configuration).AddRetarus();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["The field FaxSdk:Retarus:Resilience:MaxRetryAttempts must be between 0 and 100."], error.Failures);
    }

    [Fact]
    public void Each_providers_own_required_settings_name_their_path()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            FaxEmulator.ProviderDescriptors.Select(d => new KeyValuePair<string, string?>($"FaxSdk:{d.ConfigurationSection}:Instances:eu:AllowInsecureHttp", "false"))).Build();
        var fax = services.AddFaxSdk(configuration);
        foreach (var descriptor in FaxEmulator.ProviderDescriptors)
        {
            Assert.Equal(["eu"], descriptor.AddConfiguredInstances(fax));
        }

        var failures = StartupFailures(services);

        Assert.Contains("The FaxSdk:Phaxio:Instances:eu:ApiKey field is required.", failures);
        Assert.Contains("The FaxSdk:StoneFax:Instances:eu:Password field is required.", failures);
        Assert.Contains("FaxSdk:StoneFax:Instances:eu:BaseAddress: is required.", failures);
        Assert.Contains("FaxSdk:Pantarey:Instances:eu:BearerToken: set BearerToken, or Username and Password.", failures);
        Assert.Contains("The FaxSdk:Concord:Instances:eu:UserId field is required.", failures);
        Assert.Contains("FaxSdk:Concord:Instances:eu:AccessToken: set AccessToken (or AccessTokenProvider), or the deprecated Pin.", failures);
        Assert.Contains("The FaxSdk:Retarus:Instances:eu:CustomerNumber field is required.", failures);
        Assert.DoesNotContain(failures, f => f.Contains("Retarus:Instances:eu:BaseAddress", StringComparison.Ordinal));
    }

    [Fact]
    public void Shared_checks_run_for_options_whose_own_checks_ignore_them_and_name_the_named_instance()
    {
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk(Configuration(
            ("FaxSdk:Annotated:Account", "a"),
            ("FaxSdk:Annotated:Instances:eu:Account", "b"),
            ("FaxSdk:Annotated:Instances:eu:Resilience:MaxRetryAttempts", "500")));
        Annotated.AddConfiguredInstances(fax);
        AddAnnotated(fax, "code", o =>
        {
            o.Account = "c";
            o.MaxResponseBytes = 0;
            o.Timeout = TimeSpan.Zero;
            o.Resilience.CircuitBreakerFailureRatio = double.NaN;
            o.Resilience.CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(100);
        });

        var failures = StartupFailures(services);

        string[] expected =
            [
                "The field FaxSdk:Annotated:Instances:eu:Resilience:MaxRetryAttempts must be between 0 and 100.",
                "FaxSdk:Annotated:Instances:code:MaxResponseBytes: must be positive and at most 1 GiB.",
                "The field FaxSdk:Annotated:Instances:code:Resilience:CircuitBreakerFailureRatio must be between 0 exclusive and 1.",
                "FaxSdk:Annotated:Instances:code:Timeout: must be positive and at most 1 day (or infinite).",
                "FaxSdk:Annotated:Instances:code:Resilience:CircuitBreakerBreakDuration: must be between 0.5 s and 1 day.",
            ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_providers_own_annotations_and_rules_are_checked_with_the_path_of_each_setting()
    {
        var services = new ServiceCollection();
        AddAnnotated(services.AddFaxSdk(), FaxJobReference.DefaultInstance, o =>
        {
            o.Lines = 11;
            o.Mirror = new Uri("ftp://mirror.example/");
        });

        var failures = StartupFailures(services);

        Assert.Equal(
            [
                "The FaxSdk:Annotated:Account field is required.",
                "The field FaxSdk:Annotated:Lines must be between 1 and 10.",
                "FaxSdk:Annotated:Mirror: must be an http(s) URL.",
            ],
            failures);
    }

    [Fact]
    public void The_path_follows_the_section_FaxSdk_was_added_with()
    {
        var services = new ServiceCollection();
        var root = Configuration(("Fax:Annotated:Account", "a"), ("Fax:Annotated:Lines", "0"));
        Annotated.AddConfiguredInstances(services.AddFaxSdk(root, "Fax"));

        Assert.Equal(["The field Fax:Annotated:Lines must be between 1 and 10."], StartupFailures(services));
    }

    [Fact]
    public void Valid_settings_pass_and_unused_base_address_is_not_required()
    {
        var services = new ServiceCollection();
        AddAnnotated(services.AddFaxSdk(), FaxJobReference.DefaultInstance, o => o.Account = "a");

        Assert.Empty(StartupFailures(services));
    }

    [Fact]
    public void A_null_resilience_section_is_reported_not_thrown()
    {
        var services = new ServiceCollection();
        AddAnnotated(services.AddFaxSdk(), FaxJobReference.DefaultInstance, o => { o.Account = "a"; o.Resilience = null!; });

        Assert.Equal(["The FaxSdk:Annotated:Resilience field is required."], StartupFailures(services));
    }
}
