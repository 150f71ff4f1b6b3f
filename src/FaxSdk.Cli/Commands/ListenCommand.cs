using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FaxSdk.AspNetCore;
using FaxSdk.Cli.Hosting;
using FaxSdk.Cli.Output;
using FaxSdk.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaxSdk.Cli.Commands;

/// <summary>
/// <c>faxstatus listen --config FILE [--port N]</c>: hosts the configured providers' webhook receivers
/// (<c>MapFaxWebhooks</c>) on Kestrel at 127.0.0.1 until cancelled, printing each accepted push as canonical JSON and
/// each refused one on standard error.
/// </summary>
internal static class ListenCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 0,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be an integer from 0 to 65535.");
            }
        });
        var command = new Command("listen", """
            Receive the configured providers' pushes (webhooks) on 127.0.0.1 until Ctrl+C or SIGTERM, as an application
            with MapFaxWebhooks would: check a provider's webhook configuration end to end.
            Prints 'listening http://127.0.0.1:PORT', then one 'endpoint <provider> <instance> <path>' line per receiver
            (FaxSdk:{Provider}[:Instances:{name}]:Webhooks), then one canonical JSON line per accepted push; each refused
            push is one line on stderr: 'rejected <provider> <status code> <reason>'. Signatures cover
            FaxSdk:Webhooks:PublicBaseUrl (the listening address when not set) + the path + the query string.
            Exit 3 when the configuration is invalid or enables no receiver, or the port is taken.
            Example: faxstatus listen --config faxsdk.json --port 5090
            """)
        {
            config,
            port,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult.GetValue(config), parseResult.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo? configPath, int port, CancellationToken cancellationToken)
    {
        var configuration = await CliConfiguration.LoadAsync(configPath, console, cancellationToken).ConfigureAwait(false);
        if (configuration is null)
        {
            return ExitCodes.InputError;
        }

        var redactor = SecretRedactor.From(configuration.GetSection(FaxSdkConfiguration.DefaultSectionName));
        var output = new SynchronizedLines(console.Out);
        var errors = new SynchronizedLines(console.Error);
        var listening = new ListeningAddress();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddRoutingCore();
        var faxSdk = builder.Services.AddFaxSdk(builder.Configuration);
        foreach (var provider in CliProvider.All)
        {
            provider.AddConfiguredInstances(faxSdk);
        }

        // Without a public base URL, providers are taken to call the listening address itself (known once listening).
        faxSdk.AddFaxWebhooks();
        builder.Services.PostConfigure<FaxWebhookHostOptions>(o => o.PublicBaseUrl ??= listening.Url ?? new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        builder.Services.AddSingleton<IFaxWebhookRejectionObserver>(new RejectionPrinter(errors));
        console.ConfigureServices?.Invoke(builder.Services);

        await using var app = builder.Build();
        var problems = CliServices.Validate(app.Services, out var client);
        if (problems.Count > 0 || client is null)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"faxstatus: configuration: {redactor.Redact(problem)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.InputError;
        }

        app.MapFaxWebhooks();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .Select(e => e.Metadata.GetMetadata<FaxWebhookEndpoint>())
            .OfType<FaxWebhookEndpoint>()
            .ToList();
        if (endpoints.Count == 0)
        {
            var source = configPath is null ? "the environment" : $"'{configPath}' or the environment";
            await console.Error.WriteLineAsync($"faxstatus: no provider has webhooks enabled in {source}: configure FaxSdk:{{Provider}}:Webhooks (see docs/webhooks.md).".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.InputError;
        }

        client.Pushes.StatusPushed += (_, update) => output.Write(JsonSerializer.Serialize(update.Status, FaxSdkJsonContext.Canonical.FaxJobStatus));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (IOException exception)
        {
            await console.Error.WriteLineAsync($"faxstatus: cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {exception.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }

        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            listening.Url = new Uri(address.TrimEnd('/'));

            // The options were read at start with the port still unknown: read them again with the listening address.
            app.Services.GetRequiredService<IOptionsMonitorCache<FaxWebhookHostOptions>>().TryRemove(Options.DefaultName);
            output.Write($"listening {listening.Url.GetLeftPart(UriPartial.Authority)}");
            foreach (var endpoint in endpoints)
            {
                output.Write($"endpoint {endpoint.Provider} {endpoint.Instance} {endpoint.Path}");
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop the server (queued pushes are still handed over) and exit normally.
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>The address Kestrel listens on, once it does.</summary>
    private sealed class ListeningAddress
    {
        public Uri? Url { get; set; }
    }

    /// <summary>Whole lines to one writer from several threads (requests, the push queue).</summary>
    private sealed class SynchronizedLines(TextWriter writer)
    {
        private readonly Lock _lock = new();

        public void Write(string line)
        {
            lock (_lock)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }

    /// <summary>Prints each refused push: <c>rejected &lt;provider&gt; &lt;status code&gt; &lt;reason&gt;</c>.</summary>
    private sealed class RejectionPrinter(SynchronizedLines errors) : IFaxWebhookRejectionObserver
    {
        public void OnRejected(FaxWebhookRejection rejection) =>
            errors.Write(string.Create(CultureInfo.InvariantCulture, $"rejected {rejection.Provider} {rejection.StatusCode} {TerminalText.Escape(rejection.Reason.ReplaceLineEndings(" "))}"));
    }
}
