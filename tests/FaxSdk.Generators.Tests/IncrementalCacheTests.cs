using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FaxSdk.Generators.Tests;

/// <summary>The pipeline caches: a second run on an unrelated change reuses every tracked step, and no step output holds compiler objects.</summary>
public class IncrementalCacheTests
{
    private const string Source = """
        using FaxSdk;
        using FaxSdk.Mapping;

        namespace Acme;

        [FaxStatusMap]
        public enum Job
        {
            [Wire("queued"), MapsTo(FaxJobState.Pending)] Queued,
            [Wire("done"), MapsTo(FaxJobState.Succeeded)] Done,
            [UnknownWire] Unknown,
        }

        [FaxStatusMap]
        public enum Broken
        {
            [Wire("x")] X,
            [UnknownWire] Unknown,
        }
        """;

    [Fact]
    public void Second_run_after_an_unrelated_edit_is_cached_or_unchanged_at_every_step()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.Clone().AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorHarness.ParseOptions));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.True(second.TrackedSteps.TryGetValue(name, out var steps), $"step {name} was not tracked");
            foreach (var output in steps.SelectMany(step => step.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_an_annotated_enum_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var changed = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Source.Replace("\"done\"", "\"finished\"", StringComparison.Ordinal), GeneratorHarness.ParseOptions, path: "Source0.cs"));
        var second = driver.RunGenerators(changed).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"finished\"", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_reaches_a_symbol_syntax_node_or_compilation()
    {
        var result = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Source)).GetRunResult().Results.Single();

        var values = result.TrackedSteps.Where(s => TrackingNames.All.Contains(s.Key)).SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(values);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var value in values)
        {
            AssertNoCompilerObjects(value, "output", visited);
        }
    }

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Compilation or Location or SemanticModel, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoCompilerObjects(item, $"{path}[{i++}]", visited);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
