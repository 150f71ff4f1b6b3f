using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FaxSdk.AspNetCore.Tests;

public class FaxWebhookRequestReaderTests
{
    private static readonly Uri Url = new("https://hooks.example.com/faxsdk/hooks/fake?x=1");

    [Fact]
    public async Task A_multipart_body_keeps_fields_and_files_in_order_with_their_names_types_and_bytes()
    {
        using var content = new MultipartFormDataContent("b0undary");
        content.Add(new StringContent("fax_completed"), "event_type");
        var pdf = new ByteArrayContent([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF]);
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(pdf, "file", "fax.pdf");
        content.Add(new StringContent("{\"id\":1,\"status\":\"success\"}"), "fax");
        content.Add(new StringContent("ünïcode"), "event_type");
        var body = await content.ReadAsByteArrayAsync();

        var request = await FaxWebhookRequestReader.ReadAsync(Url, content.Headers.ContentType!.ToString(), new MemoryStream(body), new FaxWebhookReadLimits(), readForm: true);

        Assert.Equal(body, request.Body.ToArray());
        Assert.Equal(Url, request.Url);
        Assert.Equal(
            [new("event_type", "fax_completed"), new("fax", "{\"id\":1,\"status\":\"success\"}"), new KeyValuePair<string, string>("event_type", "ünïcode")],
            request.Form!.Fields);
        Assert.Equal("fax_completed", request.Form.GetField("event_type"));
        var file = Assert.Single(request.Form.Files);
        Assert.Equal(("file", "fax.pdf", "application/pdf"), (file.Name, file.FileName, file.ContentType));
        Assert.Equal([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF], file.Content.ToArray());
    }

    [Fact]
    public async Task A_url_encoded_body_is_decoded_in_order_with_repeated_names()
    {
        var body = Encoding.UTF8.GetBytes("success=true&fax=%7B%22id%22%3A1%7D&is_test=false&success=x+y");

        var form = await FaxWebhookRequestReader.ReadFormAsync("application/x-www-form-urlencoded; charset=utf-8", body, new FaxWebhookReadLimits());

        Assert.Equal([new("success", "true"), new("fax", "{\"id\":1}"), new("is_test", "false"), new KeyValuePair<string, string>("success", "x y")], form!.Fields);
        Assert.Empty(form.Files);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("text/xml; charset=utf-8")]
    [InlineData("not a media type")]
    public async Task A_body_that_is_not_a_form_has_no_form(string? contentType)
    {
        Assert.Null(await FaxWebhookRequestReader.ReadFormAsync(contentType, Encoding.UTF8.GetBytes("a=1"), new FaxWebhookReadLimits()));
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Type: text/plain\r\n\r\n1\r\n--x--\r\n")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1")]
    public async Task A_malformed_multipart_body_is_refused_400(string contentType, string body)
    {
        var exception = await Assert.ThrowsAsync<FaxWebhookReadException>(() => FaxWebhookRequestReader.ReadFormAsync(contentType, Encoding.UTF8.GetBytes(body), new FaxWebhookReadLimits()));
        Assert.Equal(400, exception.StatusCode);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task The_field_limit_counts_fields_and_files_together(int limit, bool fits)
    {
        using var content = new MultipartFormDataContent("b");
        content.Add(new StringContent("1"), "a");
        content.Add(new ByteArrayContent([1]), "file", "f.bin");
        content.Add(new StringContent("2"), "c");
        content.Add(new StringContent("3"), "d");
        var body = await content.ReadAsByteArrayAsync();
        var limits = new FaxWebhookReadLimits { MaxFormFields = limit };

        if (fits)
        {
            var form = await FaxWebhookRequestReader.ReadFormAsync(content.Headers.ContentType!.ToString(), body, limits);
            Assert.Equal(3, form!.Fields.Count);
        }
        else
        {
            var exception = await Assert.ThrowsAsync<FaxWebhookReadException>(() => FaxWebhookRequestReader.ReadFormAsync(content.Headers.ContentType!.ToString(), body, limits));
            Assert.Equal((413, "the form has more than 3 fields"), (exception.StatusCode, exception.Message));
        }
    }

    [Theory]
    [InlineData(100, 100, false)]
    [InlineData(101, 100, true)]
    [InlineData(0, 0, false)]
    public async Task A_body_up_to_the_limit_is_read_and_one_byte_more_is_refused_413(int size, long max, bool refused)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();
        var limits = new FaxWebhookReadLimits { MaxBodyBytes = max };
        if (refused)
        {
            var exception = await Assert.ThrowsAsync<FaxWebhookReadException>(() => FaxWebhookRequestReader.ReadBodyAsync(new MemoryStream(bytes), limits));
            Assert.Equal(413, exception.StatusCode);
        }
        else
        {
            Assert.Equal(bytes, (await FaxWebhookRequestReader.ReadBodyAsync(new MemoryStream(bytes), limits)).ToArray());
        }
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var stream = new MemoryStream(new byte[10]);
        var exception = await Assert.ThrowsAsync<FaxWebhookReadException>(() => FaxWebhookRequestReader.ReadBodyAsync(stream, new FaxWebhookReadLimits { MaxBodyBytes = 5 }, contentLength: 6));
        Assert.Equal(413, exception.StatusCode);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_408()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FaxWebhookRequestReader.ReadBodyAsync(new MemoryStream(new byte[10]), new FaxWebhookReadLimits(), cancellationToken: cancelled.Token));
    }

    /// <summary>Hostile bytes as either form type: a form within the limits, or a FaxWebhookReadException (400/413), nothing else.</summary>
    [Property(MaxTest = 300)]
    public Property Any_bytes_decode_to_a_bounded_form_or_a_typed_refusal(byte[] noise, bool multipart, NonNegativeInt fields)
    {
        var limits = new FaxWebhookReadLimits { MaxFormFields = (fields.Get % 20) + 1 };
        var prefix = multipart ? "--q\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" : "a=1&";
        var body = Encoding.UTF8.GetBytes(prefix).Concat(noise ?? []).ToArray();
        var contentType = multipart ? "multipart/form-data; boundary=q" : "application/x-www-form-urlencoded";
        try
        {
            var form = FaxWebhookRequestReader.ReadFormAsync(contentType, body, limits).GetAwaiter().GetResult();
            return (form is not null && form.Fields.Count + form.Files.Count <= limits.MaxFormFields).ToProperty();
        }
        catch (FaxWebhookReadException exception)
        {
            return (exception.StatusCode is 400 or 413).ToProperty();
        }
    }
}
