using System.Text.Json.Serialization;

namespace FaxSdk;

/// <summary>Where a fax job stands, in the same terms for every provider.</summary>
/// <remarks>
/// <see cref="Succeeded"/>, <see cref="PartiallySucceeded"/>, <see cref="Failed"/> and <see cref="Canceled"/> are
/// terminal: the result will not change any more. <see cref="Pending"/>, <see cref="InProgress"/>,
/// <see cref="Paused"/> and <see cref="Unknown"/> are not; <see cref="Unknown"/> is never terminal, so a job whose
/// status cannot be read is polled again rather than reported as finished.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FaxJobState>))]
public enum FaxJobState
{
    /// <summary>The provider's status could not be mapped (an unknown or missing status value). Not terminal.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown = 0,

    /// <summary>Accepted and waiting: queued, batching or scheduled.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Being processed: dialling, transmitting or retrying.</summary>
    [JsonStringEnumMemberName("inProgress")] InProgress,

    /// <summary>Held by the provider (halted, locked); it may resume. Not terminal.</summary>
    [JsonStringEnumMemberName("paused")] Paused,

    /// <summary>Every recipient received the fax. Terminal.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>Some recipients received the fax and some did not. Terminal.</summary>
    [JsonStringEnumMemberName("partiallySucceeded")] PartiallySucceeded,

    /// <summary>No recipient received the fax. Terminal; <see cref="FaxJobStatus.Error"/> says why.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>The job was canceled before it completed. Terminal.</summary>
    [JsonStringEnumMemberName("canceled")] Canceled,
}
