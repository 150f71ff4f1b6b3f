using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Providers.Tests.Pantarey.Oracle;

/// <summary>Source-generated JSON metadata for the oracle's DTOs (as PantareyJsonContext had them): camelCase names, unknown fields skipped, depth capped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = FaxJson.RecommendedMaxDepth)]
[JsonSerializable(typeof(PantareyQueryOutput))]
internal sealed partial class PantareyOracleJsonContext : JsonSerializerContext;
