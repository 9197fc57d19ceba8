namespace HtmaInterpreter.Tests.Architecture;

/// <summary>
/// The batch fast path (<c>HtmaInterpreter.Batch.FastPath</c>) is reached from the rest of the library through a few
/// named entry points, all in <c>Batch</c> (the folder's README lists them and says why): <c>BatchInterpreter</c> uses
/// <c>FastWideCsv</c> (mask compiler, reading, raw chunks, deciding their rows), hands it a <c>FastRun</c> (with the
/// <c>MaskRuleOrder</c> it also orders the general path's fired rules with) and implements <c>IRawRecordTarget</c>;
/// <c>FastRowFormat</c> writes a decided row (<c>WideCsvRowInterpreter</c>); the row format writes with
/// <c>ShortestDouble</c> and a shared <c>FiredRuleList</c>'s text; the statistics count shared lists with
/// <c>SharedListCounts</c>. Readers and Rules reach it only through the interfaces they own (<c>IPlainRecordSink</c>,
/// the rule set's mask evaluator). The fast path itself never names a <c>Batch</c> type (<c>NamespaceDependencyTests</c>).
/// </summary>
public class FastPathEntryTests
{
    private const string FastPath = "HtmaInterpreter.Batch.FastPath";

    private static readonly Lazy<TypeDependencies> Library = new(() => TypeDependencies.Of(typeof(Interpreter).Assembly));

    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["HtmaInterpreter.Batch.BatchInterpreter"] =
            [FastPath + ".FastRun", FastPath + ".FastWideCsv", FastPath + ".IRawRecordTarget", FastPath + ".MaskRuleOrder", FastPath + ".WideCsvRowInterpreter"],
        ["HtmaInterpreter.Batch.BatchRowFormat"] = [FastPath + ".FiredRuleList", FastPath + ".ShortestDouble"],
        ["HtmaInterpreter.Batch.BatchSummaryBuilder"] = [FastPath + ".SharedListCounts"],
        ["HtmaInterpreter.Batch.FastRowFormat"] = [FastPath + ".WideCsvRowInterpreter"],
    };

    [Test]
    public void Only_the_facade_is_used_from_outside_the_fast_path()
    {
        var users = Library.Value.UsersOf(FastPath);

        users.Should().BeEquivalentTo(
            Expected,
            options => options.WithStrictOrdering(),
            "the fast path is entered through the entry points its README names only. "
            + "Actual users → used types:\n" + Describe(users) + "\n"
            + "Reach a new fast-path piece through FastWideCsv rather than naming it; if a piece is not fast-path-only (the "
            + "general path uses it too), move it to Batch/. Change this map only for an entry point the folder's README "
            + "then names and justifies.");
    }

    [Test]
    public void No_type_outside_the_batch_uses_the_fast_path()
    {
        var outside = Library.Value.UsersOf(FastPath).Keys
            .Where(user => Library.Value.NamespaceOf[user] != "HtmaInterpreter.Batch")
            .ToList();

        outside.Should().BeEmpty(
            "only Batch reaches the fast path; readers and rules hand it work through interfaces they own "
            + "(Readers.IPlainRecordSink, CompiledRuleSet.AttachMaskEvaluator) — define such an interface instead of naming a FastPath type");
    }

    [Test]
    public void The_fast_path_names_no_batch_type()
    {
        var library = Library.Value;
        var callsBack = library.Uses
            .Where(use => library.NamespaceOf[use.Key] == FastPath)
            .SelectMany(use => use.Value
                .Where(used => library.NamespaceOf.TryGetValue(used, out var ns) && ns == "HtmaInterpreter.Batch")
                .Select(used => $"{use.Key} → {used}"))
            .ToList();

        callsBack.Should().BeEmpty("the fast path gets what it needs handed in (FastRun) and hands its rows out; it never calls back into Batch");
    }

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> users) =>
        string.Join("\n", users.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key} → {string.Join(", ", p.Value)}"));
}
