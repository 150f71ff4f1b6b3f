using System.Text;
using System.Text.Json;

namespace FaxSdk.Providers.Tests.Parsing;

/// <summary>The variant generator the oracle properties rely on makes every kind of edit it promises, and valid JSON.</summary>
public class JsonVariantsTests
{
    [Fact]
    public void Single_edits_cover_escapes_repeated_members_recased_names_and_raw_utf8_and_stay_valid_json()
    {
        var seed = Fixture.Bytes("phaxio", "partialsuccess.json");
        var seedText = Encoding.UTF8.GetString(seed);
        int escaped = 0, repeated = 0, recased = 0, rawUtf8 = 0, unknown = 0, changed = 0;
        for (var edit = 0; edit < 4000; edit++)
        {
            var variant = JsonVariants.Apply(seed, [edit]);
            using var document = JsonDocument.Parse(variant); // throws if an edit broke the JSON
            var text = Encoding.UTF8.GetString(variant);
            changed += text == seedText ? 0 : 1;
            escaped += text.Contains("\\u00", StringComparison.Ordinal) && !seedText.Contains("\\u00", StringComparison.Ordinal) ? 1 : 0;
            repeated += HasRepeatedMember(document.RootElement) ? 1 : 0;
            recased += text.Contains("\"STATUS\"", StringComparison.Ordinal) || text.Contains("\"RECIPIENTS\"", StringComparison.Ordinal) || text.Contains("\"PHONE_NUMBER\"", StringComparison.Ordinal) ? 1 : 0;
            rawUtf8 += variant.Any(b => b >= 0x80) ? 1 : 0;
            unknown += text.Contains("x_unknown_", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(changed > 3000, $"changed {changed}");
        Assert.True(escaped > 50, $"escaped {escaped}");
        Assert.True(repeated > 50, $"repeated {repeated}");
        Assert.True(recased > 5, $"recased {recased}");
        Assert.True(rawUtf8 > 5, $"raw UTF-8 {rawUtf8}");
        Assert.True(unknown > 50, $"unknown {unknown}");
    }

    private static bool HasRepeatedMember(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).Any(g => g.Count() > 1) || element.EnumerateObject().Any(p => HasRepeatedMember(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasRepeatedMember),
        _ => false,
    };
}
