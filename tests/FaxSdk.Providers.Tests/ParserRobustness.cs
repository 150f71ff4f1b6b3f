using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FaxSdk.Providers.Tests;

/// <summary>Byte-level properties shared by every provider parser: no input makes it throw anything but the SDK's exceptions.</summary>
internal static class ParserRobustness
{
    /// <summary>Arbitrary bytes, plus every fixture truncated, with a byte flipped, or wrapped in HTML.</summary>
    public static Arbitrary<byte[]> Inputs(IReadOnlyList<byte[]> fixtures)
    {
        var random = ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null);
        var truncated =
            from fixture in Gen.Elements(fixtures.ToArray())
            from cut in Gen.Choose(0, fixture.Length)
            select fixture[..cut];
        var flipped =
            from fixture in Gen.Elements(fixtures.ToArray())
            from position in Gen.Choose(0, fixture.Length - 1)
            from value in Gen.Choose(0, 255)
            select Flip(fixture, position, (byte)value);
        var texts = Gen.Elements(
            "", " ", "null", "[]", "{}", "\"text\"", "42", "<html><head><title>502 Bad Gateway</title></head></html>",
            "{\"data\":null}", "{\"success\":true}", "{\"fax\":{}}", "{\"status\":[]}", "{\"recipient\":5}",
            new string('[', 5000), "\uFEFF{}", "{\"a\":1}{\"b\":2}")
            .Select(Encoding.UTF8.GetBytes);
        return Gen.Frequency((2, random), (3, truncated), (3, flipped), (1, texts)).ToArbitrary();
    }

    /// <summary>Runs <paramref name="parse"/> on arbitrary input; only FaxSdk's exceptions may escape it.</summary>
    public static void NeverThrowsAnythingElse(IReadOnlyList<byte[]> fixtures, Action<byte[]> parse)
    {
        Prop.ForAll(Inputs(fixtures), bytes =>
        {
            try
            {
                parse(bytes);
                return true.Label("parsed");
            }
            catch (FaxProtocolException)
            {
                return true.Label("protocol error");
            }
            catch (FaxSdkException)
            {
                return true.Label("provider-reported error");
            }
            catch (Exception exception)
            {
                return false.Label($"{exception.GetType().Name}: {exception.Message} for input '{Encoding.UTF8.GetString(bytes)}'");
            }
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Flip(byte[] fixture, int position, byte value)
    {
        var copy = (byte[])fixture.Clone();
        copy[position] = value;
        return copy;
    }
}
