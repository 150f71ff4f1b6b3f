using System.Text.Json.Serialization;

namespace FaxSdk.Retarus.Dto;

/// <summary>Source-generated JSON metadata for the one request FaxSdk writes to Retarus (answers are read with
/// <see cref="System.Text.Json.Utf8JsonReader"/> straight into the model): camelCase names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RetarusBulkRequest))]
internal sealed partial class RetarusJsonContext : JsonSerializerContext;
