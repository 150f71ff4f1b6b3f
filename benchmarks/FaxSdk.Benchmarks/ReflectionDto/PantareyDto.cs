namespace FaxSdk.Benchmarks.ReflectionDto;

/// <summary>The Pantarey "Query fax status" task output as a user would model it.</summary>
internal sealed class PantareyOutputDto
{
    public string? JobId { get; set; }

    public string? Status { get; set; }

    public string? ErrorCode { get; set; }

    public PantareyStatisticsDto? Statistics { get; set; }

    public List<PantareyRecipientDto>? Recipients { get; set; }
}

/// <summary>Pantarey job statistics.</summary>
internal sealed class PantareyStatisticsDto
{
    public int? Pages { get; set; }

    public int? RecipientCount { get; set; }

    public int? RecipientCountSuccessful { get; set; }

    public int? RecipientCountError { get; set; }
}

/// <summary>A Pantarey recipient result.</summary>
internal sealed class PantareyRecipientDto
{
    public string? FaxNumber { get; set; }

    public int? ResultCode { get; set; }

    public string? ResultText { get; set; }
}
