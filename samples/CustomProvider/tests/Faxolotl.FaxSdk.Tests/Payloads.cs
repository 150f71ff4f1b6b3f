namespace Faxolotl.Tests;

/// <summary>Faxolotl documents as the API README describes them.</summary>
internal static class Payloads
{
    public const string DoneOneBusy = """
        {
          "job": "fx_8Q2",
          "state": "DONE",
          "pages": 2,
          "sandbox": false,
          "created": "2026-03-01T09:30:00Z",
          "finished": "2026-03-01T09:31:10Z",
          "recipients": [
            { "to": "+4930123456", "state": "DELIVERED", "tries": 1, "finished": "2026-03-01T09:31:10Z" },
            { "to": "+4940654321", "state": "FAILED", "tries": 3, "reason": "busy", "detail": "Line busy after 3 tries" }
          ],
          "colour": "axolotl-pink"
        }
        """;

    public static string Job(string state, string recipientState = "QUEUED") =>
        $$"""{ "job": "fx_1", "state": "{{state}}", "recipients": [ { "to": "+15550100", "state": "{{recipientState}}" } ] }""";
}
