using System.Text.Json.Serialization;

namespace FaxSdk.Providers.Tests.StoneFax.Oracle;

/// <summary>Source-generated JSON metadata for the StoneFax DTOs: camelCase names read case-insensitively, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(StoneFaxFax))]
[JsonSerializable(typeof(StoneFaxRecipient))]
[JsonSerializable(typeof(List<StoneFaxRecipient>))]
internal sealed partial class StoneFaxJsonContext : JsonSerializerContext;
