using System.Text.Json.Serialization;
using FaxSdk.Transport;

namespace FaxSdk.Pantarey.Dto;

/// <summary>Source-generated JSON metadata for the request Pantarey's "Query fax status" task is sent (the task input); responses are read directly by <see cref="PantareyStatusParser"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = FaxJson.RecommendedMaxDepth)]
[JsonSerializable(typeof(PantareyQueryInput))]
internal sealed partial class PantareyJsonContext : JsonSerializerContext;
