using System.Globalization;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Fuzz;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Readers;

internal static class ReaderTestSupport
{
    public static PanelReader Reader { get; } = new();

    public static ParseResult<IReadOnlyList<Panel>> Read(string text, string fileName) => Reader.ReadText(text, fileName);

    public static Panel Single(ParseResult<IReadOnlyList<Panel>> result)
    {
        result.Value.Should().NotBeNull();
        result.Value!.Should().HaveCount(1);
        return result.Value![0];
    }

    public static Diagnostic SingleWithCode(ParseResult<IReadOnlyList<Panel>> result, string code)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        matching.Should().HaveCount(1, $"one {code} diagnostic expected; got: {string.Join(" | ", result.Diagnostics)}");
        return matching[0];
    }

    public static string RepositoryRoot() => TestPaths.RepositoryRoot();

    /// <summary>
    /// Runs a wide CSV through the batch with the fast path and along the general path
    /// (<see cref="BatchOptions.UseFastPath"/> off), asserts that both give the same results (ids, lines, oxidation,
    /// ratios, rules, counts, model, lab profile, rule set, and every read diagnostic with code, location and message),
    /// and returns the fast path's.
    /// </summary>
    /// <param name="open">Opens the input (once per path).</param>
    /// <param name="fileName">The file name for diagnostics.</param>
    /// <param name="options">The batch options (the defaults for <c>null</c>); the switch is set here.</param>
    public static List<BatchResult> RunBatchBothWays(Func<Stream> open, string fileName, BatchOptions? options = null)
    {
        List<BatchResult> Run(bool useFastPath)
        {
            using var input = open();
            var batch = new BatchInterpreter(Interpreter.Default, (options ?? new BatchOptions()) with { UseFastPath = useFastPath });
            return [.. batch.RunWideCsv(input, fileName)];
        }

        var fast = Run(useFastPath: true);
        var general = Run(useFastPath: false);
        fast.Select(Describe).Should().Equal(general.Select(Describe), "the fast path and the general path must give the same results");
        return fast;
    }

    /// <inheritdoc cref="RunBatchBothWays(Func{Stream}, string, BatchOptions?)"/>
    public static List<BatchResult> RunBatchBothWays(string csv, string fileName, BatchOptions? options = null) =>
        RunBatchBothWays(() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv), writable: false), fileName, options);

    /// <summary>Everything a batch result says, as one text, for comparing the two paths.</summary>
    public static string Describe(BatchResult result) => string.Join(
        " | ",
        [
            string.Create(CultureInfo.InvariantCulture, $"{result.SampleId} line {result.Line} {result.Oxidation}/{result.Lean}/{result.Degree}"),
            string.Join(" ", result.KeyRatios.Select(r => r?.ToString("R", CultureInfo.InvariantCulture) ?? "-")),
            string.Join(" ", result.FiredRules),
            string.Create(CultureInfo.InvariantCulture, $"{result.DiagnosticsCount} diagnostics, errors: {result.HasErrors}"),
            $"{result.LabProfileId} {result.ModelId} {result.RuleSetName} {result.RuleSetVersion}",
            .. result.ReadDiagnostics.Select(BatchRun.Describe),
        ]);
}
