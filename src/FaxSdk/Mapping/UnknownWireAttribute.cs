namespace FaxSdk.Mapping;

/// <summary>
/// Marks the one member that stands for any wire value the enum does not know. It maps to the target type's
/// <c>Unknown</c> unless it also carries a <see cref="MapsToAttribute"/>, and needs no <see cref="WireAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class UnknownWireAttribute : Attribute;
