using System;
using System.Collections.Generic;
using System.Linq;
using FaxSdk.Generators.Model;

namespace FaxSdk.Generators.Emit
{
    /// <summary>What the emitters need of one model, worked out once: type names, text wire values and codes.</summary>
    internal sealed class MapShape
    {
        public MapShape(EnumMapModel model)
        {
            Model = model;
            Enum = model.FullyQualifiedName;
            TargetName = model.Target switch
            {
                TargetKind.RecipientState => "FaxRecipientState",
                TargetKind.FailureCategory => "FaxFailureCategory",
                _ => "FaxJobState",
            };
            Target = "global::FaxSdk." + TargetName;
            Unknown = Enum + "." + model.UnknownMember;
            TextWires = model.Members.SelectMany(m => m.Wires.Where(w => w.Code is null).Select(w => new TextWire(w.Text, m))).ToList();
            Codes = model.Members.SelectMany(m => m.Wires.Where(w => w.Code is not null).Select(w => new CodeWire(w.Code!.Value, m))).ToList();

            // Aliased members (same constant value) would make switch arms overlap: keep the first of each value.
            Distinct = model.Members.GroupBy(m => m.ConstantValue).Select(g => g.First()).ToList();
        }

        public EnumMapModel Model { get; }

        /// <summary>The enum, fully qualified.</summary>
        public string Enum { get; }

        /// <summary>The canonical type's simple name (FaxJobState, …).</summary>
        public string TargetName { get; }

        /// <summary>The canonical type, fully qualified.</summary>
        public string Target { get; }

        /// <summary>The [UnknownWire] member, fully qualified.</summary>
        public string Unknown { get; }

        public IReadOnlyList<TextWire> TextWires { get; }

        public IReadOnlyList<CodeWire> Codes { get; }

        /// <summary>The members, without aliases.</summary>
        public IReadOnlyList<MemberModel> Distinct { get; }

        public bool HasCodes => Codes.Count > 0;

        public bool IgnoreCase => Model.IgnoreCase;

        /// <summary>The enum member, fully qualified.</summary>
        public string Member(MemberModel member) => Enum + "." + member.Name;

        /// <summary>The canonical value of a member, as an expression.</summary>
        public string Canonical(MemberModel member) => member.CanonicalMember switch
        {
            null => Target + ".Unknown",
            var cast when cast.StartsWith("(", StringComparison.Ordinal) => "(" + Target + ")" + cast,
            var name => Target + "." + name,
        };
    }
}
