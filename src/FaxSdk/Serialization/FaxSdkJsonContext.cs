using System.Text.Json.Serialization;

namespace FaxSdk.Serialization;

/// <summary>
/// The source-generated System.Text.Json context for the canonical JSON contract: camelCase property names, enum
/// values as camelCase strings, <see langword="null"/> members written as <c>null</c>, <c>recipients</c> always an array.
/// </summary>
/// <example>
/// <code>
/// string json = JsonSerializer.Serialize(status, FaxSdkJsonContext.Default.FaxJobStatus);
/// FaxJobStatus? back = JsonSerializer.Deserialize(json, FaxSdkJsonContext.Default.FaxJobStatus);
/// </code>
/// </example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    MaxDepth = 16,
    WriteIndented = false)]
[JsonSerializable(typeof(FaxJobStatus))]
[JsonSerializable(typeof(IReadOnlyList<FaxJobStatus>))]
[JsonSerializable(typeof(FaxJobStatus[]))]
public sealed partial class FaxSdkJsonContext : JsonSerializerContext;
