namespace FaxSdk.Testing;

/// <summary>One recipient of an emulated job and the script its delivery follows.</summary>
public sealed record EmulatedRecipient
{
    /// <summary>Creates a recipient.</summary>
    /// <param name="faxNumber">The fax number.</param>
    /// <param name="steps">The script, in time order, starting with a step at zero.</param>
    /// <param name="name">The recipient's name, if any.</param>
    /// <exception cref="ArgumentException">The script is empty or out of order.</exception>
    public EmulatedRecipient(string faxNumber, IReadOnlyList<EmulatedStep> steps, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(faxNumber);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0 || steps.Zip(steps.Skip(1)).Any(p => p.Second.At < p.First.At))
        {
            throw new ArgumentException("A script needs at least one step, in time order.", nameof(steps));
        }

        FaxNumber = faxNumber;
        Steps = steps;
        Name = name;
    }

    /// <summary>The fax number.</summary>
    public string FaxNumber { get; }

    /// <summary>The recipient's name, if any.</summary>
    public string? Name { get; }

    /// <summary>The script.</summary>
    public IReadOnlyList<EmulatedStep> Steps { get; }

    /// <summary>The step in force after <paramref name="elapsed"/>, and how many retries happened before it.</summary>
    /// <param name="elapsed">Time since the job was added.</param>
    /// <returns>The current step and the retry count.</returns>
    public (EmulatedStep Step, int Retries) At(TimeSpan elapsed)
    {
        var current = Steps[0];
        var retries = 0;
        foreach (var step in Steps)
        {
            if (step.At > elapsed)
            {
                break;
            }

            if (current.Phase == EmulatedPhase.RetryScheduled && !ReferenceEquals(current, step))
            {
                retries++;
            }

            current = step;
        }

        return (current, retries);
    }

    /// <summary>The final step of the script, if it has one.</summary>
    public EmulatedStep? Final => Steps[^1].IsFinal ? Steps[^1] : null;
}
