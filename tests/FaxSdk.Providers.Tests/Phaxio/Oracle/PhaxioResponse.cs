using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>
/// A Phaxio body: the v2.1 envelope <c>{ "success", "message", "data", "paging" }</c>, or (when none of those is
/// there) a bare fax object, whose fields this type inherits.
/// </summary>
internal sealed class PhaxioResponse : PhaxioFax
{
    public bool? Success { get; set; }

    public string? Message { get; set; }

    [JsonConverter(typeof(PhaxioDataConverter))]
    public PhaxioData? Data { get; set; }

    [JsonConverter(typeof(FaxPresenceConverter))]
    public bool Paging { get; set; }
}
