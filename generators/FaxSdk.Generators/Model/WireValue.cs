namespace FaxSdk.Generators.Model
{
    /// <summary>One wire value: text, and the numeric code when the value was given as an int.</summary>
    internal sealed record WireValue(string Text, int? Code);
}
