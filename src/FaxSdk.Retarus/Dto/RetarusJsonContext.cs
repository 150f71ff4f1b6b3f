using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Retarus.Dto;

/// <summary>Source-generated JSON metadata for the Retarus DTOs: camelCase names matched case-insensitively (the push
/// spells <c>sentTS</c>), unknown fields skipped, depth capped, and times read leniently (an unreadable time is null).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    MaxDepth = FaxJson.RecommendedMaxDepth,
    Converters = [typeof(FaxLenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(RetarusReportDto))]
[JsonSerializable(typeof(RetarusBulkRequest))]
[JsonSerializable(typeof(RetarusBulkResponse))]
internal sealed partial class RetarusJsonContext : JsonSerializerContext;
