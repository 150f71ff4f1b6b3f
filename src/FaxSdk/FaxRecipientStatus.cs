using System.Text.Json.Serialization;
using FaxSdk.Serialization;

namespace FaxSdk;

/// <summary>The delivery result for one recipient of a fax job.</summary>
public sealed record FaxRecipientStatus
{
    /// <summary>The fax number as the provider reports it (not normalised).</summary>
    public required string FaxNumber { get; init; }

    /// <summary>The recipient's name, when the provider reports one.</summary>
    public string? Name { get; init; }

    /// <summary>The canonical delivery state.</summary>
    public FaxRecipientState State { get; init; }

    /// <summary>The provider's raw status value for this recipient (for example <c>willretry</c> or <c>BUSY</c>), or <see langword="null"/> when it reported none.</summary>
    public string? ProviderStatus { get; init; }

    /// <summary>How many calls the provider has made to this recipient, when it says.</summary>
    public int? Attempts { get; init; }

    /// <summary>When delivery to this recipient ended, when the provider says.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How long the (last) call lasted, when the provider says. Written in JSON as <c>durationSeconds</c>.</summary>
    [JsonPropertyName("durationSeconds")]
    [JsonConverter(typeof(SecondsJsonConverter))]
    public TimeSpan? CallDuration { get; init; }

    /// <summary>The remote station's identifier (CSID/TSI), when the provider reports it.</summary>
    public string? RemoteCsid { get; init; }

    /// <summary>Why delivery failed; set when <see cref="State"/> is <see cref="FaxRecipientState.Failed"/>.</summary>
    public FaxError? Error { get; init; }
}
