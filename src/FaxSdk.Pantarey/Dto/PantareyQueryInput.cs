namespace FaxSdk.Pantarey.Dto;

/// <summary>The task input, <c>{ "jobId": …, "test": … }</c>.</summary>
internal sealed class PantareyQueryInput
{
    public required string JobId { get; init; }

    public bool Test { get; init; }
}
