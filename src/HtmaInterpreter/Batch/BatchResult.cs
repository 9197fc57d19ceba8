using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Batch;

/// <summary>
/// One step of a batch run, in input order: the summary of one interpreted row, a row that could not be interpreted
/// because reading it gave errors, or (with no <see cref="SampleId"/>) diagnostics of the file that belong to no row.
/// </summary>
public sealed record BatchResult
{
    /// <summary>
    /// The names of the key ratios, in the order of <see cref="KeyRatios"/> and of the output columns; the only list of
    /// them: the CSV column and JSON member names are made from these.
    /// </summary>
    public static IReadOnlyList<string> KeyRatioNames { get; } = ["Ca/K", "Na/Mg", "Na/K", "Ca/Mg", "Zn/Cu", "Ca/P"];

    // After KeyRatioNames: static fields are set in the order written.
    private static readonly IReadOnlyList<double?> NoRatios = Array.AsReadOnly(new double?[KeyRatioNames.Count]);

    /// <summary>The 1-based line of the row in the input (of the first diagnostic for a step that is not a row), when known.</summary>
    public int? Line { get; init; }

    /// <summary>The row's sample id (<c>line N</c> when the row has none); <c>null</c> for a step that is not a row.</summary>
    public string? SampleId { get; init; }

    /// <summary>True when the row was interpreted; false for a bad row and for a step that is not a row.</summary>
    public bool IsInterpreted => Oxidation is not null;

    /// <summary>True when this step is a row of the input (interpreted or not).</summary>
    public bool IsRow => SampleId is not null;

    /// <summary>The oxidation type, or <c>null</c> when the row was not interpreted.</summary>
    public OxidationType? Oxidation { get; init; }

    /// <summary>For a mixed type, the type it leans to; otherwise <c>null</c>.</summary>
    public OxidationType? Lean { get; init; }

    /// <summary>How pronounced the type (or, for mixed, the lean) is; <c>null</c> when the row was not interpreted.</summary>
    public OxidationDegree? Degree { get; init; }

    /// <summary>The key ratios in the order of <see cref="KeyRatioNames"/>; an entry is <c>null</c> when it could not be computed.</summary>
    public IReadOnlyList<double?> KeyRatios { get; init; } = NoRatios;

    /// <summary>The ids of the rules that fired, each once, in the order of the findings (referrals first).</summary>
    public IReadOnlyList<string> FiredRules { get; init; } = [];

    /// <summary>How many diagnostics the row gave: those of reading it and those of its interpretation.</summary>
    public int DiagnosticsCount { get; init; }

    /// <summary>True when reading the row (or the file, for a step that is not a row) gave an error.</summary>
    public bool HasErrors { get; init; }

    /// <summary>The id of the lab profile the row was interpreted against (the panel's own lab, or the one chosen for the run), e.g. <c>arl</c>; <c>null</c> when the row was not interpreted.</summary>
    public string? LabProfileId { get; init; }

    /// <summary>The id of the oxidation model, e.g. <c>eck-wilson</c> (the same for every row of a run); <c>null</c> when the row was not interpreted.</summary>
    public string? ModelId { get; init; }

    /// <summary>The name of the rule set (<c>default</c> for the embedded rules); <c>null</c> when the row was not interpreted.</summary>
    public string? RuleSetName { get; init; }

    /// <summary>The version of the rule set (a hash of its files, see <see cref="Interpretation.RuleSetVersion"/>); <c>null</c> when the row was not interpreted.</summary>
    public string? RuleSetVersion { get; init; }

    /// <summary>The diagnostics of reading the row, or of the file for a step that is not a row; the interpretation's own are only counted.</summary>
    public IReadOnlyList<Diagnostic> ReadDiagnostics { get; init; } = [];

    /// <summary>
    /// The key ratios in the order of <see cref="KeyRatioNames"/>, NaN for an absent one, into
    /// <paramref name="destination"/> (as the writer and the summary take them); reads the batch's own arrays without the
    /// interface.
    /// </summary>
    internal void KeyRatiosInto(Span<double> destination)
    {
        var array = KeyRatios as double?[];
        var count = array?.Length ?? KeyRatios.Count;
        for (var i = 0; i < destination.Length; i++)
        {
            var value = i >= count ? null : array is not null ? array[i] : KeyRatios[i];
            destination[i] = value ?? double.NaN;
        }
    }

    /// <summary>The key ratio of the given name (see <see cref="KeyRatioNames"/>), or <c>null</c> when absent or not a key ratio.</summary>
    /// <param name="name">The ratio name, e.g. <c>Ca/K</c>.</param>
    /// <returns>The value, or <c>null</c>.</returns>
    public double? Ratio(string name)
    {
        for (var i = 0; i < KeyRatioNames.Count && i < KeyRatios.Count; i++)
        {
            if (string.Equals(KeyRatioNames[i], name, StringComparison.Ordinal))
            {
                return KeyRatios[i];
            }
        }

        return null;
    }
}
