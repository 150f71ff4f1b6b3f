using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaxSdk.PublicApi.Tests;

/// <summary>The approval check itself: a public change must be caught and named; a non-public one must not.</summary>
public class PublicApiWriterTests
{
    private const string Library = """
        using System;

        namespace Sample.Widgets;

        /// <summary>A widget.</summary>
        public class Widget
        {
            private int _spins;

            public Widget(string name, int size = 3) { Name = name; Size = size; }

            public string Name { get; }

            public int Size { get; init; }

            public string? Label { get; set; }

            public required string Owner { get; init; }

            public const int MaxSize = 10;

            public void Spin(int times = 2) => _spins += times;

            protected virtual bool CanSpin() => true;

            internal void Reset() => _spins = 0;
        }

        [Flags]
        public enum Colors { None = 0, Red = 1, Blue = 2 }

        public interface IRepository<T> where T : class, new()
        {
            T? Find(string id);
        }

        public static class WidgetExtensions
        {
            public static int Twice(this Widget widget) => widget.Size * 2;
        }

        internal sealed class Secret
        {
            public int Value { get; set; }
        }
        """;

    private static string Api(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Sample.Widgets",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.AllExcept(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var image = MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
        return PublicApiWriter.Write(image, References.AllExcept());
    }

    private static string Changed(string anchor, string replacement)
    {
        Assert.Contains(anchor, Library, StringComparison.Ordinal);
        return Library.Replace(anchor, replacement, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_signatures_defaults_accessors_nullability_and_attributes()
    {
        var api = Api(Library);

        Assert.Contains("public class Sample.Widgets.Widget\n", api, StringComparison.Ordinal);
        Assert.Contains("  public Widget(string name, int size = 3)\n", api, StringComparison.Ordinal);
        Assert.Contains("  public int Size { get; init; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public string? Label { get; set; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public required string Owner { get; init; }\n", api, StringComparison.Ordinal);
        Assert.Contains("  public const int MaxSize = 10\n", api, StringComparison.Ordinal);
        Assert.Contains("  public void Spin(int times = 2)\n", api, StringComparison.Ordinal);
        Assert.Contains("  protected virtual bool CanSpin()\n", api, StringComparison.Ordinal);
        Assert.Contains("[System.Flags] public enum Sample.Widgets.Colors : int\n", api, StringComparison.Ordinal);
        Assert.Contains("  Blue = 2\n", api, StringComparison.Ordinal);
        Assert.Contains("public interface Sample.Widgets.IRepository<T> where T : class, new()\n", api, StringComparison.Ordinal);
        Assert.Contains("  public static int Twice(this Sample.Widgets.Widget widget)\n", api, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", api, StringComparison.Ordinal);
        Assert.DoesNotContain("Reset", api, StringComparison.Ordinal);
        Assert.DoesNotContain("_spins", api, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_assembly_always_gives_the_same_text()
    {
        Assert.Equal(Api(Library), Api(Library));
    }

    [Fact]
    public void An_added_public_member_is_caught_and_named_in_the_diff()
    {
        var before = Api(Library);
        var after = Api(Changed("public void Spin(int times = 2)", "public string Describe(string? prefix) => prefix + Name;\n\n    public void Spin(int times = 2)"));

        var failure = ApiApproval.Compare("Sample.Widgets", before, after);

        Assert.NotNull(failure);
        Assert.Contains("+  public string Describe(string? prefix)\n", failure, StringComparison.Ordinal);
        Assert.Contains("1 line(s) added, 0 removed", failure, StringComparison.Ordinal);
        Assert.Contains("@@ ", failure, StringComparison.Ordinal);
        Assert.Contains(" public class Sample.Widgets.Widget", failure, StringComparison.Ordinal); // the hunk names the type
        Assert.Contains(ApiApproval.AcceptCommand, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public int Size { get; init; }", "public int Size { get; set; }", "  public int Size { get; init; }", "  public int Size { get; set; }")]
    [InlineData("public void Spin(int times = 2)", "public void Spin(int times = 5)", "  public void Spin(int times = 2)", "  public void Spin(int times = 5)")]
    [InlineData("public string? Label { get; set; }", "public string Label { get; set; } = \"\";", "  public string? Label { get; set; }", "  public string Label { get; set; }")]
    [InlineData("public void Spin(", "[Obsolete(\"Use Turn.\")] public void Spin(", "  public void Spin(int times = 2)", "  [System.Obsolete(\"Use Turn.\")] public void Spin(int times = 2)")]
    [InlineData("Blue = 2", "Blue = 4", "  Blue = 2", "  Blue = 4")]
    [InlineData("protected virtual bool CanSpin()", "protected bool CanSpin()", "  protected virtual bool CanSpin()", "  protected bool CanSpin()")]
    public void A_changed_public_signature_is_caught(string anchor, string replacement, string removedLine, string addedLine)
    {
        var diff = ApiDiff.Compute(Api(Library), Api(Changed(anchor, replacement)));

        Assert.Equal([removedLine], diff.Removed);
        Assert.Equal([addedLine], diff.Added);
    }

    [Fact]
    public void A_removed_public_type_is_caught()
    {
        var diff = ApiDiff.Compute(Api(Library), Api(Changed("public static class WidgetExtensions", "internal static class WidgetExtensions")));

        Assert.Empty(diff.Added);
        Assert.Contains("public static class Sample.Widgets.WidgetExtensions", diff.Removed);
    }

    [Theory]
    [InlineData("private int _spins;", "private int _spins;\n    private int _turns;\n    private void Turn() => _turns++;")]
    [InlineData("internal void Reset()", "internal int Count => _spins;\n\n    internal void Reset()")]
    [InlineData("public int Value { get; set; }", "public int Value { get; set; }\n    public string Extra { get; set; } = \"\";")]
    [InlineData("public void Spin(int times = 2) => _spins += times;", "public void Spin(int times = 2) { _spins += times * 1; }")]
    public void A_change_that_is_not_public_is_not_caught(string anchor, string replacement)
    {
        var before = Api(Library);
        var after = Api(Changed(anchor, replacement));

        Assert.Null(ApiApproval.Compare("Sample.Widgets", before, after));
    }

    [Fact]
    public void A_missing_approved_file_fails_with_the_accept_command()
    {
        var failure = ApiApproval.Compare("Sample.Widgets", null, Api(Library));

        Assert.NotNull(failure);
        Assert.Contains("no approved public API file", failure, StringComparison.Ordinal);
        Assert.Contains(ApiApproval.AcceptCommand, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_root_is_found_from_the_test_binaries()
    {
        Assert.True(File.Exists(Path.Combine(ApiApproval.RepoRoot, "FaxSdk.sln")));
        Assert.EndsWith(Path.Combine("tests", "FaxSdk.PublicApi.Tests", "Approved"), ApiApproval.ApprovedDirectory, StringComparison.Ordinal);
    }
}
