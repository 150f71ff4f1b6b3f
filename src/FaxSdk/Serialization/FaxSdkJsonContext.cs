using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaxSdk.Serialization;

/// <summary>
/// The source-generated System.Text.Json context for the canonical JSON contract: camelCase property names, enum
/// values as camelCase strings, <see langword="null"/> members written as <c>null</c>, <c>recipients</c> always an array.
/// Use <see cref="Canonical"/>, which writes fax numbers such as <c>+15550100</c> and non-ASCII names unescaped.
/// </summary>
/// <example>
/// <code>
/// string json = JsonSerializer.Serialize(status, FaxSdkJsonContext.Canonical.FaxJobStatus);
/// FaxJobStatus? back = JsonSerializer.Deserialize(json, FaxSdkJsonContext.Canonical.FaxJobStatus);
/// </code>
/// </example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    MaxDepth = 16)]
[JsonSerializable(typeof(FaxJobStatus))]
[JsonSerializable(typeof(IReadOnlyList<FaxJobStatus>))]
[JsonSerializable(typeof(FaxJobStatus[]))]
[JsonSerializable(typeof(FaxWaitState))]
public sealed partial class FaxSdkJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context for the canonical contract as FaxSdk writes it (the CLI prints this): like <see cref="Default"/>, but
    /// only the characters JSON requires are escaped (<c>+</c>, <c>&lt;</c> and non-ASCII text stay readable). Not for
    /// embedding into HTML.
    /// </summary>
    public static FaxSdkJsonContext Canonical { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        MaxDepth = 16,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
