using System.Text;

namespace FaxSdk.Cli.Output;

/// <summary>A plain-text table: left-aligned columns as wide as their widest cell, two spaces apart.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table with these column headers.</summary>
    /// <param name="headers">The headers.</param>
    public TextTable(params string[] headers) => _headers = headers;

    /// <summary>How many rows were added.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a row (missing cells are empty; control characters in provider text are shown escaped).</summary>
    /// <param name="cells">The cells.</param>
    public void AddRow(params string?[] cells) =>
        _rows.Add([.. Enumerable.Range(0, _headers.Length).Select(i => i < cells.Length ? TerminalText.Escape(cells[i]) : "")]);

    /// <summary>The table as lines, header first.</summary>
    /// <returns>The lines, without trailing spaces.</returns>
    public IEnumerable<string> Lines()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in _rows.Prepend(_headers))
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            yield return line.ToString().TrimEnd();
        }
    }

    /// <summary>Writes the table.</summary>
    /// <param name="output">Where.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var line in Lines())
        {
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
