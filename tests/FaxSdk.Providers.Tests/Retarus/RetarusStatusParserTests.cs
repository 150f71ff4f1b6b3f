using System.Text;
using FaxSdk.Retarus;

namespace FaxSdk.Providers.Tests.Retarus;

public class RetarusStatusParserTests
{
    [Fact]
    public void Seed_report_list_is_read_with_recipients_and_reference()
    {
        var reports = RetarusStatusParser.ParseReports(Fixture.Bytes("retarus", "seed-reports.json"), "DE1");

        Assert.Equal(2, reports.Count);
        var first = reports[0];
        Assert.Equal("FJJ5Y09UM505ZZBIELCRYC", first.Status.JobId);
        Assert.Equal(FaxJobState.Succeeded, first.Status.State);
        Assert.Equal(1, first.Status.Pages);
        var recipient = Assert.Single(first.Status.Recipients);
        Assert.Equal(("+498912345678900", FaxRecipientState.Succeeded, "OK"), (recipient.FaxNumber, recipient.State, recipient.ProviderStatus));
        Assert.Equal(TimeSpan.FromSeconds(19), recipient.CallDuration);
        Assert.Equal("+49/89/1234567-8900", recipient.RemoteCsid);
        Assert.Equal(new DateTimeOffset(2017, 8, 4, 15, 9, 10, TimeSpan.Zero), first.Status.CompletedAt);
        Assert.Equal("2017-08-04T15:09:10Z_customerDefinedId", first.Status.Detail);
        Assert.Equal("2017-08-04T15:09:10Z_billingCode", first.Properties["billingCode"]);
        Assert.Equal("DE1", first.Properties["dataCenter"]);
        Assert.Equal(["DE1"], first.Locations);
    }

    [Fact]
    public void A_single_report_is_accepted_too()
    {
        var status = Assert.Single(RetarusStatusParser.Parse(Fixture.Bytes("retarus", "single-failed.json")));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal(FaxFailureCategory.TransmissionError, status.Error!.Category);
        Assert.Equal(("REM_DIS", "simulated"), (status.Recipients[0].Error!.Code, status.Recipients[0].Error!.Message));
        Assert.Equal("+49 89 1234567-8900", status.Recipients[0].FaxNumber);
        Assert.Null(status.Recipients[0].RemoteCsid);
    }

    [Theory]
    [InlineData("BUSY", FaxFailureCategory.Busy)]
    [InlineData("RING_TO", FaxFailureCategory.NoAnswer)]
    [InlineData("WOUT_TO", FaxFailureCategory.NoAnswer)]
    [InlineData("NOFAX", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("NOFAX_DIS", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("NOFAX_TO", FaxFailureCategory.NotAFaxDevice)]
    [InlineData("WRONG_NO", FaxFailureCategory.InvalidNumber)]
    [InlineData("DIAL_NC", FaxFailureCategory.InvalidNumber)]
    [InlineData("CHANGED_NO", FaxFailureCategory.InvalidNumber)]
    [InlineData("BLACKLIST", FaxFailureCategory.Rejected)]
    [InlineData("PBLACKLIST", FaxFailureCategory.Rejected)]
    [InlineData("DIAL_GF", FaxFailureCategory.NetworkError)]
    [InlineData("COMERROR", FaxFailureCategory.NetworkError)]
    [InlineData("NO_TRAIN", FaxFailureCategory.TransmissionError)]
    [InlineData("FANS_GF", FaxFailureCategory.TransmissionError)]
    [InlineData("NO_REMOTEINFO", FaxFailureCategory.TransmissionError)]
    [InlineData("REM_DIS", FaxFailureCategory.TransmissionError)]
    [InlineData("PAGE_SEND_ERROR", FaxFailureCategory.TransmissionError)]
    [InlineData("BAD_LINES", FaxFailureCategory.TransmissionError)]
    [InlineData("EOD_FAILED", FaxFailureCategory.UnconfirmedDelivery)]
    [InlineData("RENDERING_ERROR", FaxFailureCategory.DocumentError)]
    [InlineData("TIFF_PAGE_ERR", FaxFailureCategory.DocumentError)]
    [InlineData("MISSING_FAX_FILE", FaxFailureCategory.DocumentError)]
    [InlineData("UNKNOWN_FAX_FILE", FaxFailureCategory.DocumentError)]
    public void Failure_codes_map_into_the_taxonomy(string code, FaxFailureCategory category)
    {
        var status = Single(code);

        Assert.Equal(FaxRecipientState.Failed, status.Recipients[0].State);
        Assert.Equal(category, status.Recipients[0].Error!.Category);
        Assert.Equal(FaxJobState.Failed, status.State);
    }

    [Fact]
    public void Ok_cancelled_and_unknown_codes()
    {
        Assert.Equal(FaxJobState.Succeeded, Single("OK").State);
        Assert.Equal(FaxJobState.Canceled, Single("CANCELLED").State);
        var unknown = Single("TELEPORTED");
        Assert.Equal(FaxRecipientState.Unknown, unknown.Recipients[0].State);
        Assert.Equal("TELEPORTED", unknown.Recipients[0].ProviderStatus);
        Assert.Equal(FaxJobState.Unknown, unknown.State); // a code nobody knows is no terminal failure (outcome rule)
        Assert.False(unknown.IsTerminal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"reports":[{"recipientStatus":[]}]}""")]
    [InlineData("""{"reports":[{"jobId":"FJ1","pages":"two"}]}""")]
    [InlineData("<html><title>Service Unavailable</title></html>")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => RetarusStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("retarus").ToArray(), bytes => RetarusStatusParser.Parse(bytes));

    private static FaxJobStatus Single(string code) =>
        RetarusStatusParser.Parse(Encoding.UTF8.GetBytes($$$"""{"jobId":"FJ1","recipientStatus":[{"number":"+1","status":"{{{code}}}","reason":"r","durationInSecs":0}]}"""))[0];
}
