namespace FaxSdk.Phaxio.Dto;

/// <summary>The v2.1 envelope: <c>{ "success": bool, "message": string, "data": … }</c>.</summary>
internal sealed class PhaxioResponse
{
    public bool? Success { get; set; }

    public string? Message { get; set; }

    public PhaxioFax? Data { get; set; }
}
