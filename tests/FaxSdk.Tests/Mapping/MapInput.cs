namespace FaxSdk.Tests.Mapping;

/// <summary>A text to parse with one generated map (a property's input, shown as map and escaped text).</summary>
public sealed record MapInput(IMapUnderTest Map, string Text)
{
    public override string ToString() =>
        $"{Map}: \"{string.Concat(Text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()))}\"";
}
