using System.Globalization;
using System.Text;

namespace FaxSdk.Benchmarks;

/// <summary>The payloads parsed: the seed examples (test fixtures) and generated large cases.</summary>
internal static class Payloads
{
    public static byte[] Fixture(string provider, string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", provider, name));

    /// <summary>A Phaxio fax with <paramref name="count"/> recipients, half delivered, half failed (lineError 17).</summary>
    public static byte[] PhaxioRecipients(int count)
    {
        var json = new StringBuilder("{\"success\":true,\"message\":\"Retrieved fax successfully\",\"data\":{\"id\":123456,\"direction\":\"sent\",\"num_pages\":3,\"cost\":14,\"status\":\"partialsuccess\",\"is_test\":false,\"created_at\":\"2024-03-01T10:00:00.000+01:00\",\"completed_at\":\"2024-03-01T10:05:12.000+01:00\",\"caller_id\":\"+15555555555\",\"recipients\":[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append("{\"phone_number\":\"+1555000").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append('"')
                .Append(i % 2 == 0
                    ? ",\"status\":\"success\",\"retry_count\":0,\"completed_at\":\"2024-03-01T10:02:00.000+01:00\",\"bitrate\":14400,\"resolution\":8040,\"error_type\":null,\"error_id\":null,\"error_message\":null}"
                    : ",\"status\":\"failure\",\"retry_count\":2,\"completed_at\":\"2024-03-01T10:05:12.000+01:00\",\"bitrate\":null,\"resolution\":null,\"error_type\":\"lineError\",\"error_id\":17,\"error_message\":\"Busy\"}");
        }

        json.Append("],\"tags\":{},\"error_type\":\"lineError\",\"error_id\":17,\"error_message\":\"Busy\",\"barcodes\":[]}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>A Concord JSON answer for <paramref name="count"/> ids, statuses 1/2/3 in turn.</summary>
    public static byte[] ConcordBatch(int count)
    {
        var json = new StringBuilder("{\"GetFaxStatusResponse\":{\"return\":true,\"FaxStatusList\":[");
        for (var i = 0; i < count; i++)
        {
            var failed = i % 3 == 1;
            json.Append(i == 0 ? "" : ",")
                .Append("{\"FaxJobId\":\"br").Append(i.ToString("D10", CultureInfo.InvariantCulture))
                .Append("\",\"FaxJobStatusId\":").Append((i % 3) + 1)
                .Append(failed
                    ? ",\"StatusDescription\":\"Job failed\",\"Error\":{\"ErrorCode\":5001,\"ErrorString\":\"Busy\"}}"
                    : ",\"StatusDescription\":\"Job succeeded\",\"Error\":{\"ErrorCode\":0,\"ErrorString\":\"\"}}");
        }

        json.Append("],\"WSError\":{\"ErrorCode\":0,\"ErrorString\":\"\"}}}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>A Retarus page of <paramref name="count"/> reports, one recipient each, every fifth busy.</summary>
    public static byte[] RetarusPage(int count)
    {
        var json = new StringBuilder("{\"reports\":[");
        for (var i = 0; i < count; i++)
        {
            var busy = i % 5 == 0;
            var number = i.ToString("D8", CultureInfo.InvariantCulture);
            json.Append(i == 0 ? "" : ",")
                .Append("{\"jobId\":\"FJ").Append(i.ToString("D20", CultureInfo.InvariantCulture))
                .Append("\",\"recipientStatus\":[{\"number\":\"+4989").Append(number)
                .Append(busy ? "\",\"status\":\"BUSY\",\"reason\":\"busy\"," : "\",\"status\":\"OK\",\"reason\":\"OK\",")
                .Append("\"sentTs\":\"2017-08-04T15:09:10Z\",\"durationInSecs\":19,\"sentToNumber\":\"004989").Append(number)
                .Append("\",\"remoteCsid\":\"Retarus Faxolution\"}],\"pages\":1,\"reference\":{\"customerDefinedId\":\"c").Append(i)
                .Append("\",\"billingCode\":\"b\",\"billingInfo\":\"i\"}}");
        }

        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
