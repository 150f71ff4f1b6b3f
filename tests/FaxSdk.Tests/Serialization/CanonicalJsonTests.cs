using System.Text.Json;
using FaxSdk.Serialization;
using FaxSdk.Tests.Support;
using FsCheck.Xunit;

namespace FaxSdk.Tests.Serialization;

public class CanonicalJsonTests
{
    [Fact]
    public void Writes_the_documented_shape_with_camelCase_names_and_values()
    {
        var status = new FaxJobStatus
        {
            Provider = "phaxio",
            JobId = "123",
            State = FaxJobState.PartiallySucceeded,
            ProviderStatus = "partialsuccess",
            Pages = 2,
            IsTest = true,
            SubmittedAt = new DateTimeOffset(2021, 11, 4, 16, 28, 30, TimeSpan.FromHours(-5)),
            Error = new FaxError(FaxFailureCategory.UnconfirmedDelivery, "EOD_FAILED", "not confirmed"),
            Recipients =
            [
                new FaxRecipientStatus
                {
                    FaxNumber = "+15550100",
                    State = FaxRecipientState.RetryScheduled,
                    ProviderStatus = "willretry",
                    Attempts = 1,
                    CallDuration = TimeSpan.FromSeconds(19.5),
                },
            ],
        };

        var json = JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);

        Assert.Equal(
            """{"provider":"phaxio","jobId":"123","state":"partiallySucceeded","isTerminal":true,"providerStatus":"partialsuccess","detail":null,"pages":2,"isTest":true,"submittedAt":"2021-11-04T16:28:30-05:00","startedAt":null,"completedAt":null,"error":{"category":"unconfirmedDelivery","isRetryable":false,"code":"EOD_FAILED","message":"not confirmed"},"recipients":[{"faxNumber":"+15550100","name":null,"state":"retryScheduled","providerStatus":"willretry","attempts":1,"completedAt":null,"durationSeconds":19.5,"remoteCsid":null,"error":null}]}""",
            json);
    }

    [Fact]
    public void Recipients_are_an_empty_array_when_none_were_reported()
    {
        var json = JsonSerializer.Serialize(new FaxJobStatus { Provider = "concord", JobId = "br1" }, FaxSdkJsonContext.Canonical.FaxJobStatus);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("recipients").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("recipients").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("error").ValueKind);
        Assert.Equal("unknown", document.RootElement.GetProperty("state").GetString());
        Assert.False(document.RootElement.GetProperty("isTerminal").GetBoolean());
    }

    [Fact]
    public void An_array_of_statuses_serialises_as_a_json_array()
    {
        IReadOnlyList<FaxJobStatus> list = [new FaxJobStatus { Provider = "retarus", JobId = "FJ1", State = FaxJobState.Succeeded }];

        var json = JsonSerializer.Serialize(list, FaxSdkJsonContext.Canonical.IReadOnlyListFaxJobStatus);

        Assert.StartsWith("""[{"provider":"retarus","jobId":"FJ1","state":"succeeded","isTerminal":true""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_keeps_every_tick()
    {
        var recipient = new FaxRecipientStatus { FaxNumber = "1", CallDuration = TimeSpan.FromTicks(123_456_789) };
        var status = new FaxJobStatus { Provider = "p", JobId = "j", Recipients = [recipient] };

        var json = JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);

        Assert.Contains("\"durationSeconds\":12.3456789", json, StringComparison.Ordinal);
        Assert.Equal(status, JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus));
    }

    [Theory]
    [InlineData("""{"provider":"p","jobId":"j","recipients":[{"faxNumber":"1","durationSeconds":"12"}]}""")]
    [InlineData("""{"provider":"p","jobId":"j","state":"notAState"}""")]
    [InlineData("""{"jobId":"j"}""")]
    public void Invalid_canonical_json_is_rejected_with_a_json_exception(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus));

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_canonical_json_round_trips(FaxJobStatus status)
    {
        var json = JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);
        var back = JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus);
        return status.Equals(back);
    }

    private static readonly string[] Members =
    [
        "provider", "jobId", "state", "isTerminal", "providerStatus", "detail", "pages", "isTest",
        "submittedAt", "startedAt", "completedAt", "error", "recipients",
    ];

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public bool Property_every_member_is_written_even_when_null(FaxJobStatus status)
    {
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(status, FaxSdkJsonContext.Canonical.FaxJobStatus));
        return document.RootElement.EnumerateObject().Select(p => p.Name).SequenceEqual(Members);
    }
}
