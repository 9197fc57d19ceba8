namespace HtmaInterpreter.Tests.Architecture;

/// <summary>
/// The batch fast path (<c>HtmaInterpreter.Batch.FastPath</c>) is reached from the rest of the library through its
/// facade alone: <c>BatchInterpreter</c> uses <c>FastWideCsv</c> (mask compiler, reading, raw chunks, their rows) and
/// implements <c>IRawRecordTarget</c> (where the reading thread puts raw records). Readers and Rules reach it only
/// through the interfaces they own (<c>IPlainRecordSink</c>, the rule set's mask evaluator).
/// </summary>
public class FastPathEntryTests
{
    private const string FastPath = "HtmaInterpreter.Batch.FastPath";

    private static readonly Lazy<TypeDependencies> Library = new(() => TypeDependencies.Of(typeof(Interpreter).Assembly));

    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["HtmaInterpreter.Batch.BatchInterpreter"] = [FastPath + ".FastWideCsv", FastPath + ".IRawRecordTarget"],
    };

    [Test]
    public void Only_the_facade_is_used_from_outside_the_fast_path()
    {
        var users = Library.Value.UsersOf(FastPath);

        users.Should().BeEquivalentTo(
            Expected,
            options => options.WithStrictOrdering(),
            "the fast path is entered through FastWideCsv (and IRawRecordTarget, which BatchInterpreter implements) only. "
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

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<string>> users) =>
        string.Join("\n", users.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  {p.Key} → {string.Join(", ", p.Value)}"));
}
