namespace FaxSdk.Tests.Mapping;

/// <summary>A numeric code to look up with one generated map that has <c>FromCode</c>.</summary>
public sealed record MapCode(IMapUnderTest Map, int Code)
{
    public override string ToString() => $"{Map}: {Code}";
}
