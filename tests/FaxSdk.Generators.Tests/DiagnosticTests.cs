using Microsoft.CodeAnalysis;

namespace FaxSdk.Generators.Tests;

/// <summary>Each diagnostic from a minimal source, asserted by id, exact location and help link.</summary>
public class DiagnosticTests
{
    private const string Usings = "using FaxSdk;\nusing FaxSdk.Mapping;\n";

    private static Diagnostic Single(string source, string id)
    {
        var run = GeneratorHarness.Run(Usings + source);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"https://github.com/faxsdk/faxsdk/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(run.Sources); // an enum with errors gets no generated code
        return diagnostic;
    }

    /// <summary>Asserts the diagnostic covers the <paramref name="occurrence"/>-th appearance of <paramref name="text"/> in the source.</summary>
    private static void AssertAt(Diagnostic diagnostic, string source, string text, int occurrence = 1, int? length = null)
    {
        var full = Usings + source;
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = full.IndexOf(text, index + 1, StringComparison.Ordinal);
        }

        Assert.True(index >= 0, $"'{text}' not found");
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(index, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(length ?? text.Length, diagnostic.Location.SourceSpan.Length);
        var line = full[..index].Count(c => c == '\n');
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void FAXGEN001_member_without_MapsTo_at_the_member()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
                [Wire("b")] B,
                [UnknownWire] Unknown,
            }
            """;

        var diagnostic = Single(source, "FAXGEN001");

        AssertAt(diagnostic, source, "B,", length: 1);
        Assert.Contains("'S.B' has no [MapsTo]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FAXGEN002_duplicate_wire_under_the_case_rule_at_the_second_attribute()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire("queued"), MapsTo(FaxJobState.Pending)] A,
                [Wire("QUEUED"), MapsTo(FaxJobState.InProgress)] B,
                [UnknownWire] Unknown,
            }
            """;

        var diagnostic = Single(source, "FAXGEN002");

        AssertAt(diagnostic, source, "Wire(\"QUEUED\")");
        Assert.Contains("already used by 'S.A'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FAXGEN002_respects_IgnoreCase_false()
    {
        var run = GeneratorHarness.Run(Usings + """
            [FaxStatusMap(IgnoreCase = false)]
            public enum S
            {
                [Wire("ok"), MapsTo(FaxJobState.Pending)] A,
                [Wire("OK"), MapsTo(FaxJobState.Succeeded)] B,
                [UnknownWire] Unknown,
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void FAXGEN002_duplicate_code()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire(17), MapsTo(FaxFailureCategory.Busy)] A,
                [Wire(18), Wire(17), MapsTo(FaxFailureCategory.NoAnswer)] B,
                [UnknownWire] Unknown,
            }
            """;

        var diagnostic = Single(source, "FAXGEN002");

        AssertAt(diagnostic, source, "Wire(17)", occurrence: 2);
    }

    [Fact]
    public void FAXGEN003_no_UnknownWire_member_at_the_enum()
    {
        const string source = """
            [FaxStatusMap]
            public enum Lonely
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
            }
            """;

        var diagnostic = Single(source, "FAXGEN003");

        AssertAt(diagnostic, source, "Lonely");
    }

    [Fact]
    public void FAXGEN003_two_UnknownWire_members_at_the_second()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
                [UnknownWire] Unknown,
                [UnknownWire] Other,
            }
            """;

        var diagnostic = Single(source, "FAXGEN003");

        AssertAt(diagnostic, source, "Other");
    }

    [Fact]
    public void FAXGEN004_member_without_Wire_at_the_member()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
                [MapsTo(FaxJobState.Failed)] Silent,
                [UnknownWire] Unknown,
            }
            """;

        var diagnostic = Single(source, "FAXGEN004");

        AssertAt(diagnostic, source, "Silent");
    }

    [Fact]
    public void FAXGEN005_mixed_target_types_at_the_differing_member()
    {
        const string source = """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
                [Wire("b"), MapsTo(FaxRecipientState.Failed)] B,
                [UnknownWire] Unknown,
            }
            """;

        var diagnostic = Single(source, "FAXGEN005");

        AssertAt(diagnostic, source, "B,", length: 1);
        Assert.Contains("FaxRecipientState", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_UnknownWire_member_needs_neither_Wire_nor_MapsTo_and_may_have_both()
    {
        var run = GeneratorHarness.Run(Usings + """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a"), MapsTo(FaxJobState.Pending)] A,
                [UnknownWire, Wire("?"), MapsTo(FaxJobState.Paused)] Unknown,
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void Every_error_of_an_enum_is_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            [FaxStatusMap]
            public enum S
            {
                [Wire("a")] A,
                B,
            }
            """);

        Assert.Equal(["FAXGEN001", "FAXGEN001", "FAXGEN003", "FAXGEN004"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
    }
}
