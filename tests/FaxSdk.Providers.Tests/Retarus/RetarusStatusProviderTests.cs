using System.Net;
using System.Text;
using FaxSdk.Retarus;

namespace FaxSdk.Providers.Tests.Retarus;

public class RetarusStatusProviderTests
{
    [Fact]
    public async Task A_data_centre_answering_with_another_jobs_report_gives_a_protocol_error_not_that_status()
    {
        using var http = new HttpClient(new FixedAnswer("""{"jobId":"FJOTHER","recipientStatus":[{"number":"+1","status":"OK","durationInSecs":1}]}"""));
        var provider = new RetarusStatusProvider(http, new RetarusOptions
        {
            DataCenters = new Dictionary<string, Uri> { ["DE1"] = new("https://dc1.example/rest/v1/") },
            CustomerNumber = "99999TE",
            Username = "user",
            Password = "pass",
        });

        var exception = await Assert.ThrowsAsync<FaxProtocolException>(() => provider.GetStatusAsync(new FaxJobReference("retarus", "FJMINE")));

        Assert.Contains("report of another job", exception.Message, StringComparison.Ordinal);
    }

    private sealed class FixedAnswer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
