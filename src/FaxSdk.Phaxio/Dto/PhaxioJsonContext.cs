using System.Text.Json.Serialization;

namespace FaxSdk.Phaxio.Dto;

/// <summary>Source-generated JSON metadata for the Phaxio DTOs: snake_case names, unknown fields ignored, depth capped.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 32)]
[JsonSerializable(typeof(PhaxioResponse))]
[JsonSerializable(typeof(PhaxioFax))]
internal sealed partial class PhaxioJsonContext : JsonSerializerContext;
