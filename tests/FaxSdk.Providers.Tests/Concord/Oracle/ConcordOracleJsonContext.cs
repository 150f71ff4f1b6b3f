using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.Concord.Oracle;

/// <summary>Source-generated JSON metadata for the oracle's DTOs (case-insensitive names, as the service's reader had them).</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, MaxDepth = 32)]
[JsonSerializable(typeof(ConcordJsonResponse))]
[JsonSerializable(typeof(ConcordFaxStatusDto))]
internal sealed partial class ConcordOracleJsonContext : JsonSerializerContext;
