using System.Text.Json.Serialization;

namespace FaxSdk.Concord.Dto;

/// <summary>Source-generated JSON metadata for writing the JSON request (PascalCase names as the service reads them).
/// Answers are read without DTOs (<see cref="ConcordJsonReader"/>).</summary>
[JsonSerializable(typeof(ConcordJsonRequest))]
internal sealed partial class ConcordJsonContext : JsonSerializerContext;
