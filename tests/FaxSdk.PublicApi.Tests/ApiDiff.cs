using System.Text;

namespace FaxSdk.PublicApi.Tests;

/// <summary>A line diff of two API texts, shown unified-style: <c>-</c> approved only, <c>+</c> current only.</summary>
internal sealed class ApiDiff
{
    private const int Context = 2;

    private ApiDiff(IReadOnlyList<string> added, IReadOnlyList<string> removed, string text)
    {
        Added = added;
        Removed = removed;
        Text = text;
    }

    /// <summary>Lines only in the new text.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Lines only in the old text.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Whether the texts differ.</summary>
    public bool HasChanges => Added.Count > 0 || Removed.Count > 0;

    /// <summary>Hunks with <see cref="Context"/> lines of context; each header names the type the hunk starts in.</summary>
    public string Text { get; }

    public static ApiDiff Compute(string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);

        // Longest common subsequence, then walk it into an edit script.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char Op, string Line, int OldIndex, int NewIndex)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x], x++, y)); // removals first, as in a unified diff
            }
            else
            {
                edits.Add(('+', b[y], x, y++));
            }
        }

        var added = edits.Where(e => e.Op == '+').Select(e => e.Line).ToList();
        var removed = edits.Where(e => e.Op == '-').Select(e => e.Line).ToList();
        return new ApiDiff(added, removed, Render(edits, b));
    }

    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static string Render(List<(char Op, string Line, int OldIndex, int NewIndex)> edits, string[] newLines)
    {
        var changes = Enumerable.Range(0, edits.Count).Where(k => edits[k].Op != ' ').ToList();
        var text = new StringBuilder();
        var c = 0;
        while (c < changes.Count)
        {
            // Changes closer than 2 * Context lines share a hunk.
            var last = c;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] <= 2 * Context + 1)
            {
                last++;
            }

            var start = Math.Max(0, changes[c] - Context);
            var stop = Math.Min(edits.Count, changes[last] + Context + 1);
            var hunk = edits.GetRange(start, stop - start);
            text.Append("@@ -").Append(hunk[0].OldIndex + 1).Append(',').Append(hunk.Count(e => e.Op != '+'))
                .Append(" +").Append(hunk[0].NewIndex + 1).Append(',').Append(hunk.Count(e => e.Op != '-')).Append(" @@");
            if (newLines.Length > 0 && EnclosingType(newLines, Math.Min(hunk[0].NewIndex, newLines.Length - 1)) is { } type)
            {
                text.Append(' ').Append(type);
            }

            text.Append('\n');
            foreach (var edit in hunk)
            {
                text.Append(edit.Op).Append(edit.Line).Append('\n');
            }

            c = last + 1;
        }

        return text.ToString();
    }

    // Type lines start in column 0; members are indented.
    private static string? EnclosingType(string[] lines, int index)
    {
        for (var k = index; k >= 0; k--)
        {
            if (lines[k].Length > 0 && lines[k][0] != ' ' && !lines[k].StartsWith("//", StringComparison.Ordinal))
            {
                return lines[k];
            }
        }

        return null;
    }
}
