using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>Source-generated JSON metadata for the Concord DTOs (PascalCase names as the service writes them).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, MaxDepth = 32)]
[JsonSerializable(typeof(ConcordJsonResponse))]
[JsonSerializable(typeof(ConcordJsonRequest))]
[JsonSerializable(typeof(ConcordFaxStatusDto))]
internal sealed partial class ConcordJsonContext : JsonSerializerContext;
