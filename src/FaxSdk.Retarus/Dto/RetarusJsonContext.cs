using System.Text.Json.Serialization;

namespace FaxSdk.Retarus.Dto;

/// <summary>Source-generated JSON metadata for the Retarus DTOs.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, MaxDepth = 32)]
[JsonSerializable(typeof(RetarusReportDto))]
[JsonSerializable(typeof(RetarusBulkRequest))]
[JsonSerializable(typeof(RetarusBulkResponse))]
internal sealed partial class RetarusJsonContext : JsonSerializerContext;
