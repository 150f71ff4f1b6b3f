namespace FaxSdk.Retarus.Dto;

/// <summary>The body of <c>POST /{custNr}/fax/reports</c>: <c>{"action": "DELETE", "jobIds": [...]}</c>.</summary>
internal sealed class RetarusBulkRequest
{
    public required string Action { get; init; }

    public required IReadOnlyList<string> JobIds { get; init; }
}
