using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>The answer to a bulk request as src/FaxSdk.Retarus read it before issue 16: one item per job id.</summary>
internal sealed class OracleRetarusBulkResponse
{
    public List<OracleRetarusBulkItem?>? Reports { get; set; }
}

/// <summary>One job's result in a bulk answer.</summary>
internal sealed class OracleRetarusBulkItem
{
    public string? JobId { get; set; }

    public bool? Deleted { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The old reading of a bulk DELETE answer (RetarusStatusProvider before issue 16): which of the job ids asked
/// for are not confirmed deleted.</summary>
internal static class OracleRetarusBulkAnswer
{
    public static string[] NotDeleted(byte[] answer, IReadOnlyList<string> jobIds)
    {
        FaxPayloadLimits.Inspect(answer, "retarus");
        var response = FaxJson.Deserialize(answer, OracleRetarusJsonContext.Default.OracleRetarusBulkResponse, "retarus");
        var items = new Dictionary<string, OracleRetarusBulkItem>(StringComparer.Ordinal);
        foreach (var item in response.Reports ?? [])
        {
            if (item?.JobId is { } id)
            {
                items[id] = item;
            }
        }

        return
        [
            .. jobIds.Where(id => !items.TryGetValue(id, out var item) ||
                (item.Deleted != true && !string.Equals(item.Reason, "NOT_FOUND", StringComparison.OrdinalIgnoreCase))),
        ];
    }
}
