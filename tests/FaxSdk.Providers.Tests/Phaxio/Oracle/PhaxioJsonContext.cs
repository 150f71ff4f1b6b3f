using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Phaxio.Oracle;

/// <summary>
/// Source-generated JSON metadata for the Phaxio DTOs: snake_case names, unknown fields skipped, depth capped, and
/// times read leniently (an unreadable time is left null).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = FaxJson.RecommendedMaxDepth,
    Converters = [typeof(FaxLenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(PhaxioResponse))]
[JsonSerializable(typeof(PhaxioFax))]
internal sealed partial class PhaxioJsonContext : JsonSerializerContext;
