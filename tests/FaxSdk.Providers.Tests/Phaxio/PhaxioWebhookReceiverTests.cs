using FaxSdk.Phaxio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.Phaxio;

/// <summary>
/// The receiver <c>AddPhaxio</c> registers: configuration, validation, token rotation, and what reaches the application
/// through a real <see cref="FaxStatusClient.Pushes"/> (duplicates, late in-flight events).
/// </summary>
public class PhaxioWebhookReceiverTests
{
    private const string Token = "phaxio-webhook-token-4";
    private const string OldToken = "phaxio-webhook-token-old";

    private const string InProgressFax =
        """{"id":123456,"direction":"sent","num_pages":1,"status":"inprogress","is_test":true,"created_at":"2024-05-01T10:00:00.000-05:00","completed_at":null,"caller_id":"+15555550100","recipients":[{"phone_number":"+15555550123","status":"callactive","retry_count":0,"completed_at":null,"bitrate":14400,"resolution":7700,"error_type":null,"error_id":null,"error_message":null}],"tags":{"order":"A-17"}}""";

    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            new (string Key, string? Value)[]
            {
                ("FaxSdk:Phaxio:ApiKey", "key"),
                ("FaxSdk:Phaxio:ApiSecret", "secret"),
                ("FaxSdk:Phaxio:BaseAddress", "http://127.0.0.1:9/v2.1/"),
            }.Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static ServiceProvider Services(IConfiguration configuration, params string[] instances) =>
        Registered(configuration, instances).BuildServiceProvider();

    private static ServiceCollection Registered(IConfiguration configuration, params string[] instances)
    {
        var services = new ServiceCollection();
        var fax = services.AddFaxSdk(configuration);
        foreach (var instance in instances.DefaultIfEmpty(FaxJobReference.DefaultInstance))
        {
            fax.AddPhaxio(instance);
        }

        return services;
    }

    private static IReadOnlyList<string> StartupFailures(IConfiguration configuration, params string[] instances) =>
        Validation.StartupValidationTests.StartupFailures(Registered(configuration, instances));

    private static FaxWebhookReceiver? Receiver(IServiceProvider services, string instance = FaxJobReference.DefaultInstance) =>
        services.GetServices<FaxWebhookRegistration>().Single(r => r.ProviderId == "phaxio" && r.InstanceName == instance).Create(services);

    private static FaxWebhookRequest Signed(FaxWebhookForm form, string token, Uri? url = null)
    {
        url ??= WebhookForms.ExampleUrl;
        return WebhookForms.Request(form, url, PhaxioWebhookSignature.Compute(token, url.OriginalString, form));
    }

    private static FaxWebhookForm Form(params (string Name, string Value)[] fields) =>
        new() { Fields = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))] };

    [Fact]
    public void No_receiver_is_created_while_webhooks_are_not_enabled()
    {
        using var services = Services(Configuration(("FaxSdk:Phaxio:Webhooks:Token", Token)));

        Assert.Null(Receiver(services));
    }

    [Fact]
    public void An_enabled_receiver_reads_forms_is_signed_and_has_the_default_body_limit()
    {
        using var services = Services(Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "true"), ("FaxSdk:Phaxio:Webhooks:Token", Token)));

        var receiver = Assert.IsType<PhaxioWebhookReceiver>(Receiver(services));

        Assert.Equal(("phaxio", "default"), (receiver.Provider, receiver.Instance));
        Assert.True(receiver.ReadsForm);
        Assert.Equal(1024L * 1024, receiver.MaxBodyBytes);
        Assert.True(receiver.Authenticate(WebhookForms.Request(WebhookForms.Load("fax-completed.multipart"), WebhookForms.ExampleUrl, "955cc174178080d82b6990ae59b47c14d6b438c1")).Succeeded);
        var push = Assert.Single(receiver.Parse(Signed(WebhookForms.Load("fax-completed.multipart"), Token)));
        Assert.Equal(FaxPushTrust.Signed, push.Trust);
        Assert.Equal(new FaxJobReference("phaxio", "123456"), push.Job);
        Assert.Equal("phaxio:123456:fax_completed:||:success", push.DeliveryKey);
    }

    [Fact]
    public void A_named_instance_reads_its_own_webhook_section()
    {
        using var services = Services(
            Configuration(
                ("FaxSdk:Phaxio:Instances:eu:ApiKey", "key"),
                ("FaxSdk:Phaxio:Instances:eu:ApiSecret", "secret"),
                ("FaxSdk:Phaxio:Instances:eu:Webhooks:Enabled", "true"),
                ("FaxSdk:Phaxio:Instances:eu:Webhooks:Token", "eu-token"),
                ("FaxSdk:Phaxio:Instances:eu:Webhooks:MaxBodyBytes", "1024")),
            FaxJobReference.DefaultInstance,
            "eu");
        var form = WebhookForms.Load("fax-completed.multipart");

        Assert.Null(Receiver(services));
        var receiver = Receiver(services, "eu")!;
        Assert.Equal("eu", receiver.Instance);
        Assert.Equal(1024, receiver.MaxBodyBytes);
        Assert.True(receiver.Authenticate(Signed(form, "eu-token")).Succeeded);
        Assert.Equal("signature mismatch", receiver.Authenticate(Signed(form, Token)).FailureReason);
        Assert.Equal("eu", Assert.Single(receiver.Parse(Signed(form, "eu-token"))).Job.Instance);
    }

    [Fact]
    public void Start_up_validation_names_the_webhook_settings_by_their_path()
    {
        var failures = StartupFailures(
            Configuration(
                ("FaxSdk:Phaxio:Webhooks:Enabled", "true"),
                ("FaxSdk:Phaxio:Webhooks:MaxBodyBytes", "0"),
                ("FaxSdk:Phaxio:Instances:eu:ApiKey", "key"),
                ("FaxSdk:Phaxio:Instances:eu:ApiSecret", "secret"),
                ("FaxSdk:Phaxio:Instances:eu:Webhooks:Enabled", "true"),
                ("FaxSdk:Phaxio:Instances:eu:Webhooks:Token", " ")),
            FaxJobReference.DefaultInstance,
            "eu");

        Assert.Contains("FaxSdk:Phaxio:Webhooks:Token: is required when Webhooks:Enabled is true (the webhook token from Phaxio's webhook settings page).", failures);
        Assert.Contains("FaxSdk:Phaxio:Webhooks:MaxBodyBytes: must be positive and at most 16 MiB.", failures);
        Assert.Contains("FaxSdk:Phaxio:Instances:eu:Webhooks:Token: is required when Webhooks:Enabled is true (the webhook token from Phaxio's webhook settings page).", failures);
    }

    [Fact]
    public void Valid_webhook_settings_pass_start_up_validation_and_disabled_ones_need_no_token()
    {
        Assert.Empty(StartupFailures(Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "true"), ("FaxSdk:Phaxio:Webhooks:Token", Token), ("FaxSdk:Phaxio:Webhooks:PreviousToken", OldToken))));
        Assert.Empty(StartupFailures(Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "false"))));
    }

    [Fact]
    public void Webhook_tokens_are_secrets()
    {
        var options = new PhaxioOptions { ApiKey = "k", ApiSecret = "s", Webhooks = new() { Token = Token, PreviousToken = OldToken } };

        Assert.Contains(Token, options.GetSecretValues());
        Assert.Contains(OldToken, options.GetSecretValues());
    }

    [Fact]
    public void During_a_rotation_both_tokens_verify_and_the_old_one_is_refused_once_removed_from_configuration()
    {
        var configuration = Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "true"), ("FaxSdk:Phaxio:Webhooks:Token", Token), ("FaxSdk:Phaxio:Webhooks:PreviousToken", OldToken));
        using var services = Services(configuration);
        var receiver = Receiver(services)!;
        var form = WebhookForms.Load("fax-completed.multipart");

        Assert.True(receiver.Authenticate(Signed(form, Token)).Succeeded);
        Assert.True(receiver.Authenticate(Signed(form, OldToken)).Succeeded);

        configuration["FaxSdk:Phaxio:Webhooks:PreviousToken"] = null;
        configuration.Reload();

        Assert.True(receiver.Authenticate(Signed(form, Token)).Succeeded);
        Assert.Equal("signature mismatch", receiver.Authenticate(Signed(form, OldToken)).FailureReason);
    }

    [Fact]
    public void A_receiver_whose_webhooks_were_disabled_by_a_reload_refuses_everything()
    {
        var configuration = Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "true"), ("FaxSdk:Phaxio:Webhooks:Token", Token));
        using var services = Services(configuration);
        var receiver = Receiver(services)!;

        configuration["FaxSdk:Phaxio:Webhooks:Enabled"] = "false";
        configuration.Reload();

        Assert.Equal("webhooks disabled", receiver.Authenticate(Signed(WebhookForms.Load("fax-completed.multipart"), Token)).FailureReason);
    }

    [Fact]
    public void A_tampered_field_fails_authentication_and_nothing_is_parsed()
    {
        var receiver = new PhaxioWebhookReceiver(new PhaxioWebhookOptions { Enabled = true, Token = Token });
        var signed = Signed(Form(("fax", InProgressFax), ("event_type", "transmitting_page"), ("page", "1"), ("recipient_phone_number", "+15555550123")), Token);
        var tampered = signed with { Form = signed.Form! with { Fields = [.. signed.Form.Fields.Select(f => f.Key == "page" ? new KeyValuePair<string, string>("page", "2") : f)] } };

        Assert.True(receiver.Authenticate(signed).Succeeded);
        Assert.Equal("signature mismatch", receiver.Authenticate(tampered).FailureReason);
        Assert.Equal("missing signature", receiver.Authenticate(signed with { Headers = new Dictionary<string, string>() }).FailureReason);
    }

    [Fact]
    public async Task Duplicates_are_harmless_and_a_late_transmitting_page_after_fax_completed_changes_nothing()
    {
        using var services = Services(Configuration(("FaxSdk:Phaxio:Webhooks:Enabled", "true"), ("FaxSdk:Phaxio:Webhooks:Token", Token)));
        var client = services.GetRequiredService<FaxStatusClient>();
        var receiver = Receiver(services)!;
        var published = new List<FaxJobUpdate>();
        client.Pushes.StatusPushed += (_, update) => published.Add(update);
        var page = Signed(Form(("fax", InProgressFax), ("event_type", "transmitting_page"), ("page", "1"), ("recipient_phone_number", "+15555550123")), Token);
        var completed = Signed(WebhookForms.Load("fax-completed.multipart"), Token);

        async Task<FaxPushDisposition> Deliver(FaxWebhookRequest request)
        {
            Assert.True(receiver.Authenticate(request).Succeeded);
            return await client.Pushes.AcceptAsync(Assert.Single(receiver.Parse(request)));
        }

        Assert.Equal(FaxPushDisposition.Published, await Deliver(page));
        Assert.Equal(FaxPushDisposition.Duplicate, await Deliver(page));
        Assert.Equal(FaxPushDisposition.Published, await Deliver(completed));
        Assert.Equal(FaxPushDisposition.Duplicate, await Deliver(completed));
        var latePage = Signed(Form(("fax", InProgressFax), ("event_type", "transmitting_page"), ("page", "2"), ("recipient_phone_number", "+15555550123")), Token);
        Assert.Equal(FaxPushDisposition.Stale, await Deliver(latePage));

        Assert.Equal([FaxJobState.InProgress, FaxJobState.Succeeded], published.Select(u => u.Status.State));
        Assert.Equal(FaxRecipientState.Transmitting, published[0].Status.Recipients[0].State);
        Assert.Equal(FaxJobState.InProgress, published[1].Previous?.State);
        Assert.Equal(FaxJobState.Succeeded, published[1].Status.State);
        Assert.Equal(FaxPushDisposition.Stale, await Deliver(Signed(Form(("fax", InProgressFax), ("event_type", "retry_scheduled"), ("retry_count", "1"), ("recipient_phone_number", "+15555550123")), Token)));
        Assert.Equal(2, published.Count);
    }
}
