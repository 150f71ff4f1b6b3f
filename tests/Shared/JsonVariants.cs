using System.Text.Json;
using System.Text.Json.Nodes;
using FaxSdk.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FaxSdk.TestSupport;

/// <summary>
/// Variants of a JSON document for oracle tests (a new parser against the one it replaces): members the parser does not
/// know (scalars, nested objects and arrays), members in another order, values set to <c>null</c>, members removed, and
/// values of another kind. Each variant is a few edits of a seed document, chosen by FsCheck.
/// </summary>
public static class JsonVariants
{
    private static readonly JsonNode?[] Foreign =
    [
        JsonValue.Create("text"), JsonValue.Create(0), JsonValue.Create(-1.5e300), JsonValue.Create(true), null,
        JsonValue.Create(""), JsonValue.Create("2024-03-01T10:00:00Z"), JsonValue.Create(long.MaxValue),
        JsonValue.Create("Ünïcödé ✓ \U0001F4E0"), JsonValue.Create("\u0000<>&'\""),
    ];

    /// <summary>A generator of variants of <paramref name="seeds"/>: each is a seed with 1 to <paramref name="maxEdits"/> edits.</summary>
    /// <param name="seeds">The JSON documents to start from (fixtures).</param>
    /// <param name="maxEdits">The most edits per variant.</param>
    /// <returns>UTF-8 JSON documents.</returns>
    public static Gen<byte[]> Of(IReadOnlyList<byte[]> seeds, int maxEdits = 4) =>
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Choose(1, maxEdits)
        from edits in Gen.ListOf(Gen.Choose(0, int.MaxValue), count)
        select Apply(seed, edits);

    /// <summary>Applies edits (each an integer that picks what to do and where) to a document.</summary>
    /// <param name="seed">The document.</param>
    /// <param name="edits">The edits.</param>
    /// <returns>The edited document as UTF-8 JSON.</returns>
    public static byte[] Apply(byte[] seed, IEnumerable<int> edits)
    {
        var root = JsonNode.Parse(seed);
        var textEdits = new List<int>();
        foreach (var edit in edits)
        {
            // One edit in four works on the text (escapes, repeated members), the rest on the tree.
            if (edit % 4 == 3)
            {
                textEdits.Add(edit);
            }
            else
            {
                root = Edit(root, edit);
            }
        }

        // Non-ASCII text stays raw UTF-8, as providers write it.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(root, Relaxed);
        foreach (var edit in textEdits)
        {
            bytes = EditText(bytes, edit);
        }

        return bytes;
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Edits the text of a document where a tree cannot: writes one ASCII letter of a member name or string value as a
    /// <c>\u00XX</c> escape, or repeats a member with another value before it (the serialiser keeps the last).
    /// </summary>
    private static byte[] EditText(byte[] json, int edit)
    {
        var random = new Random(edit);
        var tokens = new List<(int Start, int End, JsonTokenType Type)>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
            {
                tokens.Add((start, (int)reader.BytesConsumed, reader.TokenType));
            }
        }

        if (tokens.Count == 0)
        {
            return json;
        }

        var (tokenStart, _, type) = tokens[random.Next(tokens.Count)];

        // The letters of the token that are not part of an escape, and where its closing quote is.
        var letters = new List<int>();
        var close = tokenStart + 1;
        while (close < json.Length && json[close] != (byte)'"')
        {
            if (json[close] == (byte)'\\')
            {
                close += json[close + 1] == (byte)'u' ? 6 : 2;
                continue;
            }

            if (char.IsAsciiLetter((char)json[close]))
            {
                letters.Add(close);
            }

            close++;
        }

        if (random.Next(2) == 0 || type != JsonTokenType.PropertyName)
        {
            // An escape: "status" -> "st\u0061tus".
            if (letters.Count == 0)
            {
                return json;
            }

            var at = letters[random.Next(letters.Count)];
            var escape = System.Text.Encoding.ASCII.GetBytes($"\\u{json[at]:x4}");
            return [.. json.AsSpan(0, at), .. escape, .. json.AsSpan(at + 1)];
        }

        // A repeated member: the same name with a foreign value, written just before the member itself.
        var colon = close + 1 + json.AsSpan(close + 1).IndexOf((byte)':');
        var name = json.AsSpan(tokenStart, colon - tokenStart + 1).ToArray();
        var value = JsonSerializer.SerializeToUtf8Bytes(ForeignValue(random, depth: 2), Relaxed);
        return [.. json.AsSpan(0, tokenStart), .. name, .. value, (byte)',', .. json.AsSpan(tokenStart)];
    }

    private static JsonNode? Edit(JsonNode? root, int edit)
    {
        var random = new Random(edit);
        var containers = new List<JsonNode>();
        Collect(root, containers);
        if (containers.Count == 0)
        {
            return root;
        }

        var target = containers[random.Next(containers.Count)];
        switch (random.Next(8))
        {
            case 0 when target is JsonObject obj:
                // A member the parser does not know, with a value of any kind, at a random position.
                var name = "x_unknown_" + random.Next(1000);
                if (!obj.ContainsKey(name))
                {
                    obj.Insert(random.Next(obj.Count + 1), name, ForeignValue(random, depth: 0));
                }

                break;
            case 1 when target is JsonObject obj:
                // Members in another order.
                var members = obj.Select(m => (m.Key, Value: m.Value)).ToList();
                obj.Clear();
                foreach (var (key, value) in members.OrderBy(_ => random.Next()))
                {
                    obj[key] = value;
                }

                break;
            case 2 when target is JsonObject { Count: > 0 } obj:
                obj[obj.GetAt(random.Next(obj.Count)).Key] = null;
                break;
            case 3 when target is JsonObject { Count: > 0 } obj:
                obj.RemoveAt(random.Next(obj.Count));
                break;
            case 4 when target is JsonObject { Count: > 0 } obj:
                // A value of another kind.
                obj[obj.GetAt(random.Next(obj.Count)).Key] = ForeignValue(random, depth: 1);
                break;
            case 6 when target is JsonObject { Count: > 0 } obj:
                // A member name in another case (a member of case-sensitive providers becomes unknown).
                var member = obj.GetAt(random.Next(obj.Count));
                var recased = Recase(member.Key, random);
                if (!obj.ContainsKey(recased))
                {
                    var memberValue = member.Value;
                    obj.Remove(member.Key);
                    obj[recased] = memberValue;
                }

                break;
            case 7 when target is JsonObject { Count: > 0 } obj:
                // A string value (a wire status, a code) in another case.
                var text = obj.Where(m => m.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
                if (text.Count > 0)
                {
                    var chosen = text[random.Next(text.Count)];
                    obj[chosen.Key] = JsonValue.Create(Recase(chosen.Value!.GetValue<string>(), random));
                }

                break;
            case 5 when target is JsonArray { Count: > 0 } array:
                // An array element duplicated, removed or set to null.
                var index = random.Next(array.Count);
                switch (random.Next(3))
                {
                    case 0:
                        array.Insert(index, array[index]?.DeepClone());
                        break;
                    case 1:
                        array.RemoveAt(index);
                        break;
                    default:
                        array[index] = null;
                        break;
                }

                break;
        }

        return root;
    }

    private static string Recase(string text, Random random) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => text.ToLowerInvariant(),
        _ => string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
    };

    private static JsonNode? ForeignValue(Random random, int depth) => random.Next(depth > 2 ? 1 : 4) switch
    {
        0 => Foreign[random.Next(Foreign.Length)]?.DeepClone(),
        1 => new JsonObject { ["k" + random.Next(10)] = ForeignValue(random, depth + 1), ["id"] = JsonValue.Create(random.Next(100)) },
        2 => new JsonArray(ForeignValue(random, depth + 1), ForeignValue(random, depth + 1)),
        _ => JsonValue.Create(new string('z', random.Next(0, 300))),
    };

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                into.Add(obj);
                foreach (var member in obj)
                {
                    Collect(member.Value, into);
                }

                break;
            case JsonArray array:
                into.Add(array);
                foreach (var element in array)
                {
                    Collect(element, into);
                }

                break;
        }
    }
}

/// <summary>Compares what two parsers made of the same body: the same statuses (as canonical JSON, so offsets count), or the same exception type.</summary>
public static class ParserAgreement
{
    /// <summary>Asserts that <paramref name="candidate"/> and <paramref name="oracle"/> agree on <paramref name="body"/>.</summary>
    /// <param name="body">The body both parse.</param>
    /// <param name="oracle">The reference parser.</param>
    /// <param name="candidate">The parser under test.</param>
    public static void AssertAgree(byte[] body, Func<byte[], IReadOnlyList<FaxJobStatus>> oracle, Func<byte[], IReadOnlyList<FaxJobStatus>> candidate)
    {
        var (expected, expectedError) = Run(oracle, body);
        var (actual, actualError) = Run(candidate, body);
        var text = System.Text.Encoding.UTF8.GetString(body);
        if (expectedError is not null || actualError is not null)
        {
            Assert.True(expectedError?.GetType() == actualError?.GetType(),
                $"Body: {text}\nOracle: {Describe(expected, expectedError)}\nCandidate: {Describe(actual, actualError)}");
            return;
        }

        Assert.True(Canonical(expected!) == Canonical(actual!), $"Body: {text}\nOracle: {Canonical(expected!)}\nCandidate: {Canonical(actual!)}");
    }

    /// <summary>The canonical JSON of statuses (what is compared).</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>JSON text.</returns>
    public static string Canonical(IReadOnlyList<FaxJobStatus> statuses) =>
        JsonSerializer.Serialize(statuses.ToArray(), FaxSdkJsonContext.Canonical.FaxJobStatusArray);

    private static (IReadOnlyList<FaxJobStatus>? Statuses, Exception? Error) Run(Func<byte[], IReadOnlyList<FaxJobStatus>> parse, byte[] body)
    {
        try
        {
            return (parse(body), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private static string Describe(IReadOnlyList<FaxJobStatus>? statuses, Exception? error) =>
        error is not null ? $"{error.GetType().Name}: {error.Message}" : Canonical(statuses!);
}
