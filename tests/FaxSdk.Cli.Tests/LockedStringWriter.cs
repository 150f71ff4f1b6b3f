using System.Text;

namespace FaxSdk.Cli.Tests;

/// <summary>A StringWriter that one thread may write while another reads it, or waits for a number of lines.</summary>
internal sealed class LockedStringWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();
    private readonly List<(int Lines, TaskCompletionSource Done)> _waiters = [];
    private int _lines;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    /// <summary>Completes once at least <paramref name="lines"/> lines have been written (ended by a new line).</summary>
    public Task WhenLinesAsync(int lines)
    {
        lock (_lock)
        {
            if (_lines >= lines)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((lines, done));
            return done.Task;
        }
    }

    private void Append(ReadOnlySpan<char> value)
    {
        lock (_lock)
        {
            _text.Append(value);
            _lines += value.Count('\n');
            foreach (var waiter in _waiters.Where(w => w.Lines <= _lines).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.SetResult();
            }
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
