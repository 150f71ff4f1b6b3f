using System.Globalization;
using System.Reflection;
using FaxSdk.Mapping;

namespace FaxSdk.Tests.Mapping;

/// <summary>
/// An independent model of what a <c>[FaxStatusMap]</c> enum means, read with reflection from its attributes: the
/// generated code must agree with it on every input.
/// </summary>
internal sealed class WireOracle<TEnum> where TEnum : struct, Enum
{
    private readonly List<(string Wire, TEnum Value)> _strings = [];
    private readonly List<(int Code, TEnum Value)> _codes = [];

    public WireOracle()
    {
        IgnoreCase = typeof(TEnum).GetCustomAttribute<FaxStatusMapAttribute>()!.IgnoreCase;
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            if (field.GetCustomAttribute<UnknownWireAttribute>() is not null)
            {
                UnknownMember = value;
            }

            var wires = field.GetCustomAttributes<WireAttribute>().ToArray();
            Primary[value] = wires.Length == 0 ? "" : wires[0].Value;
            foreach (var wire in wires)
            {
                if (wire.Code is { } code) _codes.Add((code, value));
                else _strings.Add((wire.Value, value));
                AllWires.Add(wire.Value);
            }

            var mapsTo = field.GetCustomAttribute<MapsToAttribute>();
            Canonical[value] = mapsTo?.Target;
        }
    }

    public bool IgnoreCase { get; }

    public TEnum UnknownMember { get; }

    public Dictionary<TEnum, string> Primary { get; } = [];

    public Dictionary<TEnum, Enum?> Canonical { get; } = [];

    public List<string> AllWires { get; } = [];

    public IEnumerable<int> Codes => _codes.Select(c => c.Code);

    public TEnum Parse(string text)
    {
        TryParse(text, out var value);
        return value;
    }

    public bool TryParse(string text, out TEnum value)
    {
        foreach (var (wire, member) in _strings)
        {
            if (WireEquals(text, wire))
            {
                value = member;
                return true;
            }
        }

        if (_codes.Count > 0 && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
        {
            foreach (var (c, member) in _codes)
            {
                if (c == code)
                {
                    value = member;
                    return true;
                }
            }
        }

        value = UnknownMember;
        return false;
    }

    public TEnum FromCode(int code)
    {
        foreach (var (c, value) in _codes)
        {
            if (c == code) return value;
        }

        return UnknownMember;
    }

    private bool WireEquals(string text, string wire)
    {
        if (text.Length != wire.Length) return false;
        for (var i = 0; i < text.Length; i++)
        {
            char a = text[i], b = wire[i];
            if (a == b) continue;
            if (!IgnoreCase || !char.IsAsciiLetter(a) || !char.IsAsciiLetter(b) || (a | 0x20) != (b | 0x20)) return false;
        }

        return true;
    }
}
