using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaxSdk.Providers.Tests.Push;

/// <summary>
/// One provider registered from configuration as an application would, with a fake provider server (answering the
/// confirming status reads) behind its HttpClient, and a real <see cref="FaxStatusClient"/>. <see cref="DeliverAsync"/>
/// does what a webhook host does with a request: authenticate, then parse, then hand each status to
/// <see cref="FaxStatusClient.Pushes"/>.
/// </summary>
internal sealed class PushRig : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly Server _server;

    private PushRig(ServiceProvider services, Server server)
    {
        _services = services;
        _server = server;
        Client.Pushes.StatusPushed += (_, update) => Published.Add(update);
    }

    public FaxStatusClient Client => _services.GetRequiredService<FaxStatusClient>();

    /// <summary>The bodies of the requests the provider server received (the confirming reads), in order.</summary>
    public IReadOnlyList<(string Uri, string Body)> ServerRequests => _server.Requests;

    /// <summary>Every status <see cref="FaxPushInbox.StatusPushed"/> raised.</summary>
    public List<FaxJobUpdate> Published { get; } = [];

    /// <summary>The provider server's answer from now on: status code and JSON body.</summary>
    public void Answer(HttpStatusCode code, string body) => _server.Answer = (code, body);

    public static PushRig Start(Func<IFaxSdkBuilder, IHttpClientBuilder> add, IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var server = new Server();
        var services = new ServiceCollection();
        add(services.AddFaxSdk(configuration)).ConfigurePrimaryHttpMessageHandler(() => server);
        return new PushRig(services.BuildServiceProvider(validateScopes: true), server);
    }

    /// <summary>The registered receiver of an instance, or <see langword="null"/> when its webhooks are off.</summary>
    public FaxWebhookReceiver? Receiver(string provider, string instance = FaxJobReference.DefaultInstance) =>
        _services.GetServices<FaxWebhookRegistration>().Single(r => r.ProviderId == provider && r.InstanceName == instance).Create(_services);

    /// <summary>What a host does with one request: 401 without parsing when authentication fails, else parse and accept.</summary>
    public async Task<(int StatusCode, string? Reason, IReadOnlyList<FaxPushDisposition> Dispositions)> DeliverAsync(FaxWebhookReceiver receiver, FaxWebhookRequest request)
    {
        var authentication = receiver.Authenticate(request);
        if (!authentication.Succeeded)
        {
            return (401, authentication.FailureReason, []);
        }

        var dispositions = new List<FaxPushDisposition>();
        foreach (var push in receiver.Parse(request))
        {
            dispositions.Add(await Client.Pushes.AcceptAsync(push));
        }

        return (receiver.SuccessStatusCode, null, dispositions);
    }

    public static FaxWebhookRequest Request(string url, byte[] body, string? contentType, params (string Name, string Value)[] headers) => new()
    {
        Url = new Uri(url),
        ContentType = contentType,
        Body = body,
        Headers = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase),
    };

    public void Dispose() => _services.Dispose();

    private sealed class Server : HttpMessageHandler
    {
        private readonly Lock _lock = new();
        private readonly List<(string Uri, string Body)> _requests = [];

        public (HttpStatusCode Code, string Body) Answer { get; set; } = (HttpStatusCode.NotFound, "");

        public IReadOnlyList<(string Uri, string Body)> Requests
        {
            get
            {
                lock (_lock)
                {
                    return [.. _requests];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (_lock)
            {
                _requests.Add((request.RequestUri!.ToString(), body));
            }

            var (code, answer) = Answer;
            return new HttpResponseMessage(code) { Content = new StringContent(answer, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
