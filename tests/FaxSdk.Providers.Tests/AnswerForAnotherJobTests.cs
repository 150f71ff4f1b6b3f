using System.Net;
using System.Text;
using FaxSdk.Pantarey;
using FaxSdk.Phaxio;

namespace FaxSdk.Providers.Tests;

/// <summary>A server (or a proxy or cache in front of it) that answers with another job's status: never that status.</summary>
public class AnswerForAnotherJobTests
{
    [Fact]
    public async Task Phaxio_refuses_another_fax_and_takes_a_zero_padded_id_as_the_same_fax()
    {
        const string body = """{"success":true,"message":"ok","data":{"id":123,"direction":"sent","status":"success","num_pages":1,"recipients":[{"phone_number":"+15551234567","status":"success"}]}}""";
        using var http = new HttpClient(new FixedAnswer(body));
        var provider = new PhaxioStatusProvider(http, new PhaxioOptions { ApiKey = "key", ApiSecret = "secret" });

        var other = await Assert.ThrowsAsync<FaxProtocolException>(() => provider.GetStatusAsync(new FaxJobReference("phaxio", "124")));
        var same = await provider.GetStatusAsync(new FaxJobReference("phaxio", "0123"));

        Assert.Contains("status of another fax", other.Message, StringComparison.Ordinal);
        Assert.Equal(FaxJobState.Succeeded, same.State);
    }

    [Fact]
    public async Task Pantarey_refuses_another_job()
    {
        const string body = """{"jobId":"5b2f0a1e-4a10-11f1-b04d-001851328a39","status":"finished","errorCode":null,"statistics":{"pages":1,"recipientCount":1,"recipientCountSuccessful":1,"recipientCountError":0},"recipients":[{"faxNumber":"0049530000001","resultCode":0,"resultText":"OK"}]}""";
        using var http = new HttpClient(new FixedAnswer(body));
        var provider = new PantareyStatusProvider(http, new PantareyOptions { BaseAddress = new Uri("https://pantarey.example/api/process/query-fax-status"), BearerToken = "token" });

        var other = await Assert.ThrowsAsync<FaxProtocolException>(() => provider.GetStatusAsync(new FaxJobReference("pantarey", "6c3f0a1e-4a10-11f1-b04d-001851328a39")));
        var same = await provider.GetStatusAsync(new FaxJobReference("pantarey", "5B2F0A1E-4A10-11F1-B04D-001851328A39"));

        Assert.Contains("status of another job", other.Message, StringComparison.Ordinal);
        Assert.True(same.IsTerminal);
    }

    private sealed class FixedAnswer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
