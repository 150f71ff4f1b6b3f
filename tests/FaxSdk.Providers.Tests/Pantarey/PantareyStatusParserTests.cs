using System.Text;
using FaxSdk.Pantarey;

namespace FaxSdk.Providers.Tests.Pantarey;

public class PantareyStatusParserTests
{
    [Fact]
    public void Seed_example_finished_and_delivered_is_succeeded()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "seed-finished.json"));

        Assert.Equal("pantarey", status.Provider);
        Assert.Equal("0d139d2c-4a10-11f1-b04d-001851328a39", status.JobId);
        Assert.Equal(FaxJobState.Succeeded, status.State);
        Assert.Equal("finished", status.ProviderStatus);
        Assert.Equal(1, status.Pages);
        var recipient = Assert.Single(status.Recipients);
        Assert.Equal("0049530000000", recipient.FaxNumber);
        Assert.Equal(FaxRecipientState.Succeeded, recipient.State);
        Assert.Equal("0", recipient.ProviderStatus);
    }

    [Fact]
    public void Finished_is_not_delivered_when_a_recipient_failed()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "finished-one-failed.json"));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
        Assert.Equal(FaxRecipientState.Failed, status.Recipients[1].State);
        Assert.Equal("17", status.Recipients[1].Error!.Code);
        Assert.Equal("BUSY", status.Recipients[1].Error!.Message);
    }

    [Fact]
    public void Finished_with_every_recipient_failed_is_failed()
    {
        var json = """{"jobId":"j","status":"finished","recipients":[{"faxNumber":"1","resultCode":3,"resultText":"NO ANSWER"}]}""";

        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.Failed, status.State);
        Assert.Equal("3", status.Error!.Code);
    }

    [Fact]
    public void Finished_without_recipients_uses_the_statistics()
    {
        var json = """{"jobId":"j","status":"finished","statistics":{"pages":1,"recipientCount":2,"recipientCountSuccessful":1,"recipientCountError":1}}""";

        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FaxJobState.PartiallySucceeded, status.State);
    }

    [Fact]
    public void Processing_has_no_recipients_yet_and_the_test_flag_travels_with_the_query()
    {
        var status = PantareyStatusParser.Parse(Fixture.Bytes("pantarey", "processing.json"), isTest: true);

        Assert.Equal(FaxJobState.InProgress, status.State);
        Assert.Empty(status.Recipients);
        Assert.True(status.IsTest);
    }

    [Theory]
    [InlineData("scheduling", FaxJobState.Pending)]
    [InlineData("scheduled", FaxJobState.Pending)]
    [InlineData("processing", FaxJobState.InProgress)]
    [InlineData("halted", FaxJobState.Paused)]
    [InlineData("locked", FaxJobState.Paused)]
    [InlineData("canceled", FaxJobState.Canceled)]
    [InlineData("error", FaxJobState.Failed)]
    [InlineData("vanished", FaxJobState.Unknown)]
    public void Statuses_map(string wire, FaxJobState expected)
    {
        var status = PantareyStatusParser.Parse(Encoding.UTF8.GetBytes($$"""{"jobId":"j","status":"{{wire}}","errorCode":"E42"}"""));

        Assert.Equal(expected, status.State);
        Assert.False(expected is FaxJobState.Paused or FaxJobState.Unknown && status.IsTerminal);
    }

    [Fact]
    public void Job_error_keeps_the_error_code_whatever_its_json_type()
    {
        var numeric = PantareyStatusParser.Parse("""{"jobId":"j","status":"error","errorCode":5012}"""u8);
        var text = PantareyStatusParser.Parse("""{"jobId":"j","status":"error","errorCode":"NO_CREDIT"}"""u8);

        Assert.Equal("5012", numeric.Error!.Code);
        Assert.Equal("NO_CREDIT", text.Error!.Code);
        Assert.Equal(FaxJobState.Failed, text.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Gateway Timeout</body></html>")]
    [InlineData("""{"jobId":"j","status":"fini""")]
    [InlineData("""{"status":"finished"}""")]
    [InlineData("""{"jobId":"j","recipients":[{"resultCode":"zero"}]}""")]
    public void Unreadable_bodies_are_protocol_errors(string body) =>
        Assert.Throws<FaxProtocolException>(() => PantareyStatusParser.Parse(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Property_no_byte_input_throws_anything_but_sdk_exceptions() =>
        ParserRobustness.NeverThrowsAnythingElse(Fixture.All("pantarey").ToArray(), bytes => PantareyStatusParser.Parse(bytes));
}
