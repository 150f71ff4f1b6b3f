using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FaxSdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace FaxSdk.Generators
{
    /// <summary>Reads an annotated enum symbol into an <see cref="EnumMapModel"/> and its diagnostics.</summary>
    internal static class ModelBuilder
    {
        private const string WireAttribute = "FaxSdk.Mapping.WireAttribute";
        private const string MapsToAttribute = "FaxSdk.Mapping.MapsToAttribute";
        private const string UnknownWireAttribute = "FaxSdk.Mapping.UnknownWireAttribute";

        public static EnumMapResult? Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumSymbol || enumSymbol.ContainingType is not null)
            {
                return null; // nested enums are not supported: there is nowhere to put an extension class
            }

            var accessibility = enumSymbol.DeclaredAccessibility switch
            {
                Accessibility.Public => "public",
                Accessibility.Internal => "internal",
                _ => null,
            };
            if (accessibility is null)
            {
                return null;
            }

            var ignoreCase = true;
            foreach (var argument in context.Attributes[0].NamedArguments)
            {
                if (argument.Key == "IgnoreCase" && argument.Value.Value is bool value)
                {
                    ignoreCase = value;
                }
            }

            var diagnostics = new List<DiagnosticInfo>();
            var members = new List<MemberModel>();
            var unknownMembers = new List<IFieldSymbol>();
            var seenText = new Dictionary<string, string>(StringComparer.Ordinal);
            var seenCodes = new Dictionary<int, string>();
            string? targetType = null;
            string? firstTargetMember = null;

            foreach (var field in enumSymbol.GetMembers().OfType<IFieldSymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!field.HasConstantValue)
                {
                    continue;
                }

                var wires = new List<WireValue>();
                var isUnknown = false;
                AttributeData? mapsTo = null;
                foreach (var attribute in field.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name == UnknownWireAttribute)
                    {
                        isUnknown = true;
                    }
                    else if (name == MapsToAttribute)
                    {
                        mapsTo = attribute;
                    }
                    else if (name == WireAttribute && attribute.ConstructorArguments.Length == 1)
                    {
                        var wire = ReadWire(attribute.ConstructorArguments[0]);
                        if (wire is null)
                        {
                            continue;
                        }

                        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
                        if (wire.Code is { } code)
                        {
                            if (seenCodes.TryGetValue(code, out var owner))
                            {
                                diagnostics.Add(Diagnostic("FAXGEN002", location, wire.Text, enumSymbol.Name, field.Name, owner, " (as a code)"));
                            }
                            else
                            {
                                seenCodes[code] = field.Name;
                            }
                        }
                        else
                        {
                            var key = ignoreCase ? FoldAscii(wire.Text) : wire.Text;
                            if (seenText.TryGetValue(key, out var owner))
                            {
                                diagnostics.Add(Diagnostic("FAXGEN002", location, wire.Text, enumSymbol.Name, field.Name, owner, ignoreCase ? " (ignoring ASCII case)" : ""));
                            }
                            else
                            {
                                seenText[key] = field.Name;
                            }
                        }

                        wires.Add(wire);
                    }
                }

                var fieldLocation = LocationInfo.From(field.Locations.FirstOrDefault());
                if (isUnknown)
                {
                    unknownMembers.Add(field);
                }
                else
                {
                    if (mapsTo is null)
                    {
                        diagnostics.Add(Diagnostic("FAXGEN001", fieldLocation, enumSymbol.Name, field.Name));
                    }

                    if (wires.Count == 0)
                    {
                        diagnostics.Add(Diagnostic("FAXGEN004", fieldLocation, enumSymbol.Name, field.Name));
                    }
                }

                string? canonical = null;
                if (mapsTo is { ConstructorArguments.Length: 1 } && mapsTo.ConstructorArguments[0].Type is INamedTypeSymbol type)
                {
                    var typeName = type.ToDisplayString();
                    if (targetType is null)
                    {
                        targetType = typeName;
                        firstTargetMember = field.Name;
                    }
                    else if (targetType != typeName)
                    {
                        diagnostics.Add(Diagnostic("FAXGEN005", fieldLocation, enumSymbol.Name, field.Name, Short(typeName), firstTargetMember!, Short(targetType)));
                    }

                    canonical = TargetMemberExpression(type, mapsTo.ConstructorArguments[0].Value);
                }

                members.Add(new MemberModel(
                    field.Name,
                    Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture) ?? "",
                    new EquatableArray<WireValue>(wires),
                    canonical,
                    isUnknown));
            }

            if (unknownMembers.Count == 0)
            {
                diagnostics.Add(Diagnostic("FAXGEN003", LocationInfo.From(enumSymbol.Locations.FirstOrDefault()), enumSymbol.Name,
                    "has no [UnknownWire] member: add one (for example 'Unknown') for the values the provider may send that the enum does not know"));
            }

            for (var i = 1; i < unknownMembers.Count; i++)
            {
                diagnostics.Add(Diagnostic("FAXGEN003", LocationInfo.From(unknownMembers[i].Locations.FirstOrDefault()), enumSymbol.Name,
                    $"has more than one [UnknownWire] member: '{unknownMembers[0].Name}' and '{unknownMembers[i].Name}'; keep one"));
            }

            var target = targetType switch
            {
                "FaxSdk.FaxRecipientState" => TargetKind.RecipientState,
                "FaxSdk.FaxFailureCategory" => TargetKind.FailureCategory,
                _ => TargetKind.JobState,
            };

            EnumMapModel? model = null;
            if (diagnostics.Count == 0 && targetType is not null)
            {
                var ns = enumSymbol.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
                model = new EnumMapModel(
                    ns,
                    enumSymbol.Name,
                    enumSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    accessibility,
                    ignoreCase,
                    target,
                    unknownMembers[0].Name,
                    new EquatableArray<MemberModel>(members));
            }

            return new EnumMapResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        private static WireValue? ReadWire(TypedConstant argument)
        {
            if (argument.Value is int code)
            {
                return new WireValue(code.ToString(CultureInfo.InvariantCulture), code);
            }

            if (argument.Type?.SpecialType == SpecialType.System_String)
            {
                return new WireValue(argument.Value as string ?? "", null);
            }

            return null;
        }

        private static string TargetMemberExpression(INamedTypeSymbol targetType, object? value)
        {
            foreach (var member in targetType.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue && Equals(member.ConstantValue, value))
                {
                    return member.Name;
                }
            }

            // Not a named member: keep the numeric value.
            return "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }

        private static string FoldAscii(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'A' && chars[i] <= 'Z')
                {
                    chars[i] = (char)(chars[i] | 0x20);
                }
            }

            return new string(chars);
        }

        private static string Short(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

        private static DiagnosticInfo Diagnostic(string id, LocationInfo? location, params string[] arguments) =>
            new(id, location, new EquatableArray<string>(arguments));
    }
}
