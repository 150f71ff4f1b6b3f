namespace FaxSdk.Benchmarks.ReflectionDto;

/// <summary>A Retarus report list as a user would model it.</summary>
internal sealed class RetarusReportListDto
{
    public List<RetarusReportDto>? Reports { get; set; }
}

/// <summary>One Retarus fax report.</summary>
internal sealed class RetarusReportDto
{
    public string? JobId { get; set; }

    public List<RetarusRecipientDto>? RecipientStatus { get; set; }

    public int? Pages { get; set; }

    public RetarusReferenceDto? Reference { get; set; }
}

/// <summary>A Retarus recipient status.</summary>
internal sealed class RetarusRecipientDto
{
    public string? Number { get; set; }

    public string? Status { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? SentTs { get; set; }

    public int? DurationInSecs { get; set; }

    public string? SentToNumber { get; set; }

    public string? RemoteCsid { get; set; }
}

/// <summary>The customer's reference of a Retarus job.</summary>
internal sealed class RetarusReferenceDto
{
    public string? CustomerDefinedId { get; set; }

    public string? BillingCode { get; set; }

    public string? BillingInfo { get; set; }
}
