namespace FaxSdk;

/// <summary>Decides whether two statuses of one job differ in a way worth reporting.</summary>
internal static class FaxStatusChange
{
    /// <summary>Whether <paramref name="current"/> differs from <paramref name="previous"/> in the job's state, the
    /// provider's status value, or any recipient's state or status value.</summary>
    /// <param name="previous">The status seen before, if any.</param>
    /// <param name="current">The status just read.</param>
    /// <returns><see langword="true"/> when there was no previous status or something changed.</returns>
    public static bool IsChange(FaxJobStatus? previous, FaxJobStatus current)
    {
        if (previous is null || previous.State != current.State || previous.ProviderStatus != current.ProviderStatus ||
            previous.Recipients.Count != current.Recipients.Count)
        {
            return true;
        }

        for (var i = 0; i < current.Recipients.Count; i++)
        {
            var before = previous.Recipients[i];
            var now = current.Recipients[i];
            if (before.State != now.State || before.ProviderStatus != now.ProviderStatus || before.Attempts != now.Attempts)
            {
                return true;
            }
        }

        return false;
    }
}
