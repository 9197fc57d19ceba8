namespace HtmaInterpreter.Tests.Architecture;

/// <summary>
/// The library's namespaces depend on each other one way, following the data flow
/// read → panel → ratios → oxidation → rules → interpretation (the root namespace <c>HtmaInterpreter</c>) → report.
/// Read from the compiled assembly, method bodies included, so that a call back against the flow fails here. A step's
/// sub-namespaces belong to the step (they may use their step and be used by it, and a cycle through them between steps
/// still fails), except <see cref="OwnNodes"/>, steps of their own: <c>HtmaInterpreter.Batch.FastPath</c> sits between
/// <c>Batch</c> and the steps below it, so <c>Batch</c> may use it but not the other way round. (The folders
/// <c>Rules/Syntax</c>, <c>Reports/Html</c>, ... keep their parent's namespace; today the fast path is the only
/// sub-namespace, so the folding rule is there for a future one.)
/// </summary>
public class NamespaceDependencyTests
{
    private static readonly Lazy<TypeDependencies> Library = new(() => TypeDependencies.Of(typeof(Interpreter).Assembly));

    private static bool IsLibrary(string ns) => ns == "HtmaInterpreter" || ns.StartsWith("HtmaInterpreter.", StringComparison.Ordinal);

    /// <summary>Sub-namespaces that are steps of their own, not folded into their parent.</summary>
    internal static readonly IReadOnlySet<string> OwnNodes = new HashSet<string>(StringComparer.Ordinal) { "HtmaInterpreter.Batch.FastPath" };

    /// <summary>The data-flow step a namespace belongs to: <c>HtmaInterpreter.X</c> for <c>HtmaInterpreter.X.Y...</c> (unless it is one of <see cref="OwnNodes"/>); the root namespace is the interpretation step.</summary>
    internal static string Step(string ns)
    {
        if (OwnNodes.FirstOrDefault(own => ns == own || ns.StartsWith(own + ".", StringComparison.Ordinal)) is { } node)
        {
            return node;
        }

        var parts = ns.Split('.');
        return parts.Length <= 2 ? ns : parts[0] + "." + parts[1];
    }

    [Test]
    public void The_library_namespaces_have_no_cycle()
    {
        var edges = Library.Value.NamespaceEdges(IsLibrary, Step);
        var cycle = TypeDependencies.FindCycle(edges.Keys);

        cycle.Should().BeNull(cycle is null ? "" : "namespaces must depend on each other one way, but there is a cycle "
            + string.Join(" → ", cycle) + ":\n" + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(step =>
                $"  {step.First} → {step.Second}: " + string.Join(", ", edges[step].Take(4).Select(w => $"{Short(w.User)} uses {Short(w.Used)}")))));
    }

    [Test]
    public void The_graph_is_read_from_signatures_and_method_bodies()
    {
        var uses = Library.Value.Uses;

        // A parameter type, a base type, and types that only a method body names.
        uses["HtmaInterpreter.Reports.ReportRenderer"].Should().Contain("HtmaInterpreter.Retests.RetestComparison");
        uses["HtmaInterpreter.Interpreter"].Should().Contain("HtmaInterpreter.MineralAnalyzer", "a private field and a constructor call");
        uses["HtmaInterpreter.MineralAnalyzer"].Should().Contain(["HtmaInterpreter.Oxidation.OxidationClassifier", "HtmaInterpreter.Ratios.RatioCalculator", "HtmaInterpreter.Definitions.LabResolver"],
            "MineralAnalyzer.Analyze calls them in its body only");
        Library.Value.NamespaceOf["HtmaInterpreter.Interpreter"].Should().Be("HtmaInterpreter");
    }

    [Test]
    public void A_sub_namespace_is_part_of_its_step_but_the_fast_path_is_a_step_of_its_own()
    {
        Step("HtmaInterpreter.Rules.Compilation").Should().Be("HtmaInterpreter.Rules");
        Step("HtmaInterpreter.Batch.FastPath").Should().Be("HtmaInterpreter.Batch.FastPath");
        Step("HtmaInterpreter.Batch").Should().Be("HtmaInterpreter.Batch");
        Step("HtmaInterpreter.Rules").Should().Be("HtmaInterpreter.Rules");
        Step("HtmaInterpreter").Should().Be("HtmaInterpreter");
    }

    [Test]
    public void Cycles_are_found_and_one_way_graphs_pass()
    {
        TypeDependencies.FindCycle([("A", "B"), ("B", "C"), ("A", "C")]).Should().BeNull();
        TypeDependencies.FindCycle([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")]).Should().Equal("A", "B", "C", "A");
    }

    [Test]
    public void Users_of_a_namespace_are_the_types_outside_it_that_name_its_types()
    {
        var users = Library.Value.UsersOf("HtmaInterpreter.Ratios");

        users.Keys.Should().Contain("HtmaInterpreter.MineralAnalyzer");
        users["HtmaInterpreter.MineralAnalyzer"].Should().Contain("HtmaInterpreter.Ratios.RatioCalculator");
        users.Keys.Should().NotContain(k => k.StartsWith("HtmaInterpreter.Ratios.", StringComparison.Ordinal), "types inside the namespace are not its users");
    }

    private static string Short(string fullName) => fullName["HtmaInterpreter.".Length..];
}
