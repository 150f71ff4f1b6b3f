using System.Net;
using System.Text;
using FaxSdk.Providers.Tests.Retarus.Oracle;
using FaxSdk.Retarus;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.Providers.Tests.Retarus;

/// <summary>
/// The answer to a bulk DELETE, read straight from the bytes: a report counts as deleted when its item says
/// <c>deleted: true</c> or <c>reason: NOT_FOUND</c> (any case); names are case-insensitive, the last item for an id wins,
/// and an unreadable answer leaves every report of the batch undeleted.
/// </summary>
public class RetarusBulkAnswerTests
{
    [Theory]
    [InlineData("""{"reports":[{"jobId":"FJ1","deleted":true},{"jobId":"FJ2","reason":"not_found"}]}""", 0)]
    [InlineData("""{"reports":[null,{"x":[1,{}],"jobId":"FJ1","deleted":true},{"JOBID":"FJ2","Reason":"NOT_FOUND"}],"other":{"reports":[]}}""", 0)]
    [InlineData("""{"Reports":[{"jobId":"FJ1","deleted":true},{"jobId":"FJ2","deleted":true},{"jobId":"FJ2","deleted":false}]}""", 1)]
    [InlineData("""{"reports":[{"jobId":"FJ1","deleted":true},{"jobId":"FJ2","deleted":null,"reason":"INTERNAL_ERROR"}]}""", 1)]
    [InlineData("""{"reports":[{"jobId":"FJ1","deleted":true}],"reports":[{"jobId":"FJ2","deleted":true}]}""", 1)]
    [InlineData("""{"reports":[{"jobId":"FJ1","deleted":"yes"},{"jobId":"FJ2","deleted":true}]}""", 2)]
    [InlineData("""{"reports":[{"jobId":1,"deleted":true}]}""", 2)]
    [InlineData("""{"reports":[{"jobId":"FJ1","deleted":true}""", 2)]
    [InlineData("""[]""", 2)]
    [InlineData("""null""", 2)]
    [InlineData("", 2)]
    public async Task Reports_the_answer_does_not_confirm_are_not_deleted(string answer, int notDeleted)
    {
        using var http = new HttpClient(new FixedAnswer(answer));
        var provider = new RetarusStatusProvider(http, new RetarusOptions
        {
            DataCenters = new Dictionary<string, Uri> { ["DE1"] = new("https://dc1.example/rest/v1/") },
            CustomerNumber = "99999TE",
            Username = "user",
            Password = "pass",
            MaxDeleteAttempts = 1,
        });
        FaxReport[] reports = [Report("FJ1"), Report("FJ2")];

        var exception = await Record.ExceptionAsync(() => provider.AcknowledgeAsync(reports));

        if (notDeleted == 0)
        {
            Assert.Null(exception);
        }
        else
        {
            var failure = Assert.IsType<FaxSdkException>(exception);
            Assert.StartsWith($"retarus: {notDeleted} report(s) could not be deleted", failure.Message, StringComparison.Ordinal);
            Assert.True(notDeleted == 1 || failure.InnerException is FaxProtocolException, failure.ToString());
        }
    }

    private static readonly byte[][] Seeds =
    [
        Fixture.Bytes("retarus", "bulk-delete-receipt.json"),
        """{"reports":[{"jobId":"FJ1","deleted":true},{"jobId":"FJ2","reason":"not_found"}]}"""u8.ToArray(),
        """{"reports":[{"jobId":"FJ1","deleted":false,"reason":"INTERNAL_ERROR"},{"jobId":"FJ2","deleted":true},{"jobId":"FJ2","deleted":false}]}"""u8.ToArray(),
    ];

    /// <summary>The old DTO reading (tests/.../Retarus/Oracle/OracleRetarusBulkAnswer.cs) against the single pass, on
    /// variants of real answers: the same reports left undeleted, and an unreadable answer (any exception in the
    /// oracle) leaves the whole batch undeleted.</summary>
    [Property(MaxTest = 300)]
    public Property Bulk_answer_variants_leave_the_reports_the_oracle_leaves() =>
        Prop.ForAll(JsonVariants.Of(Seeds, maxEdits: 4).ToArbitrary(), answer =>
        {
            string[] ids = ["FJ1", "FJ2", "FJJ5Y09UM505ZZBIELCRYC", "FJJ5WA23UO05ZZBIEL0JY5"];
            int expected;
            try
            {
                expected = OracleRetarusBulkAnswer.NotDeleted(answer, ids).Length;
            }
            catch (FaxProtocolException)
            {
                expected = ids.Length;
            }

            using var http = new HttpClient(new FixedAnswer(Encoding.UTF8.GetString(answer)));
            var provider = new RetarusStatusProvider(http, new RetarusOptions
            {
                DataCenters = new Dictionary<string, Uri> { ["DE1"] = new("https://dc1.example/rest/v1/") },
                CustomerNumber = "99999TE",
                Username = "user",
                Password = "pass",
                MaxDeleteAttempts = 1,
            });
            var exception = Record.Exception(() => provider.AcknowledgeAsync([.. ids.Select(Report)]).GetAwaiter().GetResult());
            var actual = exception is null ? 0 : int.Parse(exception.Message.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(expected == actual, $"Answer: {Encoding.UTF8.GetString(answer)}\nOracle: {expected} not deleted\nCandidate: {exception?.Message ?? "all deleted"}");
        });

    private static FaxReport Report(string jobId) => new()
    {
        Status = new FaxJobStatus { Provider = "retarus", JobId = jobId, State = FaxJobState.Succeeded },
        Locations = ["DE1"],
    };

    private sealed class FixedAnswer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
