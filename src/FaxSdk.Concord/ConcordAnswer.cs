namespace FaxSdk.Concord;

/// <summary>What a Concord body turned out to be: a list answer, or a <c>SimpleGetFaxStatus</c> answer (its <c>return</c>).</summary>
internal struct ConcordAnswer
{
    /// <summary>Whether the body is a <c>SimpleGetFaxStatus</c> answer (then <see cref="List"/> is empty).</summary>
    public bool IsSimple;

    /// <summary>The simple answer's <c>return</c>: the status id of the one job asked for.</summary>
    public long? SimpleReturn;

    /// <summary>The list answer (its buffer is released by <see cref="ConcordListAnswer.ToStatuses"/> or <see cref="ConcordListAnswer.Release"/>).</summary>
    public ConcordListAnswer List;
}
