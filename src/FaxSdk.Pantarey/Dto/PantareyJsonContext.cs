using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey.Dto;

/// <summary>Source-generated JSON metadata for the Pantarey DTOs: camelCase names, unknown fields skipped, depth capped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = FaxJson.RecommendedMaxDepth)]
[JsonSerializable(typeof(PantareyQueryOutput))]
[JsonSerializable(typeof(PantareyQueryInput))]
internal sealed partial class PantareyJsonContext : JsonSerializerContext;
