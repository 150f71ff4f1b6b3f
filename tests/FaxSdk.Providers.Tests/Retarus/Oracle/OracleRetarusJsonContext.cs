using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Retarus.Oracle;

/// <summary>The oracle's source-generated JSON metadata, as src/FaxSdk.Retarus had it before issue 16: camelCase names
/// matched case-insensitively, unknown fields skipped, depth capped, and times read leniently.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    MaxDepth = FaxJson.RecommendedMaxDepth,
    Converters = [typeof(FaxLenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(OracleRetarusReportDto))]
[JsonSerializable(typeof(OracleRetarusBulkResponse))]
internal sealed partial class OracleRetarusJsonContext : JsonSerializerContext;
