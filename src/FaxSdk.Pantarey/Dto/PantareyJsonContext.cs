using System.Text.Json.Serialization;

namespace FaxSdk.Pantarey.Dto;

/// <summary>Source-generated JSON metadata for the Pantarey DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 32)]
[JsonSerializable(typeof(PantareyQueryOutput))]
[JsonSerializable(typeof(PantareyQueryInput))]
internal sealed partial class PantareyJsonContext : JsonSerializerContext;
