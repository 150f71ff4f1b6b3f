namespace FaxSdk.Mapping;

/// <summary>A value the provider sends on the wire for this enum member. Repeatable; the first is what <c>ToWire()</c> writes.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class WireAttribute : Attribute
{
    /// <summary>A textual wire value, such as <c>"queued"</c>.</summary>
    /// <param name="value">The value as the provider spells it.</param>
    public WireAttribute(string value) => Value = value;

    /// <summary>A numeric wire value, such as a Q.931 cause or a status id.</summary>
    /// <param name="code">The code.</param>
    public WireAttribute(int code)
    {
        Code = code;
        Value = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The wire value as text (a numeric code in invariant decimal form).</summary>
    public string Value { get; }

    /// <summary>The numeric code, when this wire value is numeric.</summary>
    public int? Code { get; }
}
