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
        foreach (var edit in edits)
        {
            root = Edit(root, edit);
        }

        return JsonSerializer.SerializeToUtf8Bytes(root);
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
        switch (random.Next(6))
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
