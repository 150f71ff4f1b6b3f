using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace Faxolotl.Dto;

/// <summary>Source-generated JSON metadata (trim- and AOT-safe): camelCase names, strict numbers, depth capped.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = FaxJson.RecommendedMaxDepth)]
[JsonSerializable(typeof(FaxolotlJob))]
internal sealed partial class FaxolotlJsonContext : JsonSerializerContext;
