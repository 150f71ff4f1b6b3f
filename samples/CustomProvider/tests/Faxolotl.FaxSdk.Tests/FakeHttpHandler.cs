using System.Net;
using System.Text;

namespace Faxolotl.Tests;

/// <summary>Answers every request with a canned response and remembers what was sent: no network, no emulator.</summary>
internal sealed class FakeHttpHandler(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = request,
        });
    }
}
