namespace FaxSdk.Mapping;

/// <summary>The canonical value an enum member maps to. All members of one enum map to the same target type.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class MapsToAttribute : Attribute
{
    /// <summary>Maps to a job state.</summary>
    /// <param name="state">The canonical job state.</param>
    public MapsToAttribute(FaxJobState state) => Target = state;

    /// <summary>Maps to a recipient state.</summary>
    /// <param name="state">The canonical recipient state.</param>
    public MapsToAttribute(FaxRecipientState state) => Target = state;

    /// <summary>Maps to a failure category.</summary>
    /// <param name="category">The canonical failure category.</param>
    public MapsToAttribute(FaxFailureCategory category) => Target = category;

    /// <summary>The canonical value: a <see cref="FaxJobState"/>, <see cref="FaxRecipientState"/> or <see cref="FaxFailureCategory"/>.</summary>
    public Enum Target { get; }
}
