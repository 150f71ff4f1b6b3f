namespace FaxSdk.Benchmarks.ReflectionDto;

/// <summary>The Phaxio v2.1 response envelope as a user would model it (snake_case names come from the naming policy).</summary>
internal sealed class PhaxioResponseDto
{
    public bool Success { get; set; }

    public string? Message { get; set; }

    public PhaxioFaxDto? Data { get; set; }
}

/// <summary>A Phaxio fax object.</summary>
internal sealed class PhaxioFaxDto
{
    public long Id { get; set; }

    public string? Direction { get; set; }

    public int? NumPages { get; set; }

    public string? Status { get; set; }

    public bool IsTest { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<PhaxioRecipientDto>? Recipients { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }
}

/// <summary>A Phaxio recipient.</summary>
internal sealed class PhaxioRecipientDto
{
    public string? PhoneNumber { get; set; }

    public string? Status { get; set; }

    public int? RetryCount { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? ErrorType { get; set; }

    public int? ErrorId { get; set; }

    public string? ErrorMessage { get; set; }
}
