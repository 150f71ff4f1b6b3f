namespace FaxSdk.Benchmarks.ReflectionDto;

/// <summary>A StoneFax outbound fax as a user would model it from the seed example (one recipient object; times
/// without an offset, which are the server's UTC).</summary>
internal sealed class StoneFaxFaxDto
{
    public string? FaxId { get; set; }

    public StoneFaxRecipientDto? Recipient { get; set; }

    public string? Status { get; set; }

    public string? DetailedStatus { get; set; }

    public int? NumberOfPages { get; set; }

    public DateTime? SubmitTime { get; set; }

    public DateTime? StartTime { get; set; }

    public DateTime? EndTime { get; set; }

    public string? FailureReason { get; set; }

    public int? Q931Code { get; set; }
}

/// <summary>A StoneFax recipient.</summary>
internal sealed class StoneFaxRecipientDto
{
    public string? Name { get; set; }

    public string? FaxNumber { get; set; }
}
