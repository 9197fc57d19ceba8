using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Batch;

/// <summary>The spread of one key ratio over the interpreted panels; every figure is <c>null</c> when no panel had the ratio.</summary>
/// <param name="Name">The ratio, e.g. <c>Ca/K</c>.</param>
/// <param name="Count">How many panels had the ratio.</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="LowerQuartile">The first quartile (25th percentile, linear interpolation between closest ranks).</param>
/// <param name="Median">The median.</param>
/// <param name="UpperQuartile">The third quartile (75th percentile).</param>
/// <param name="Maximum">The largest value.</param>
public sealed record RatioStatistics(
    string Name,
    int Count,
    double? Minimum,
    double? LowerQuartile,
    double? Median,
    double? UpperQuartile,
    double? Maximum)
{
    /// <summary>
    /// True when the quartiles are estimated: there were more than 65,536 values, which are not all kept. Each quartile
    /// is then within 2^-10 (about 0.1%) of the larger of the two values the exact one lies between; the minimum and
    /// maximum stay exact.
    /// </summary>
    public bool Estimated { get; init; }
}

/// <summary>Cohort statistics of a batch run (<see cref="BatchWriteOptions.Summarize"/>), written as text by <see cref="WriteText"/>.</summary>
public sealed record BatchSummary
{
    /// <summary>How many rows the input had (interpreted or not).</summary>
    public required int Rows { get; init; }

    /// <summary>How many rows were interpreted.</summary>
    public required int Interpreted { get; init; }

    /// <summary>How many rows were not interpreted because reading them gave an error.</summary>
    public required int RowsWithErrors { get; init; }

    /// <summary>How many errors of the file belonged to no row (header, a record that could not be read).</summary>
    public required int FileErrors { get; init; }

    /// <summary>How many interpreted panels had each oxidation type, every type listed, in the order of <see cref="OxidationType"/>.</summary>
    public required IReadOnlyList<KeyValuePair<OxidationType, int>> OxidationTypes { get; init; }

    /// <summary>The spread of each key ratio, in the order of <see cref="BatchResult.KeyRatioNames"/>.</summary>
    public required IReadOnlyList<RatioStatistics> Ratios { get; init; }

    /// <summary>How many panels each rule fired on, most frequent first (ties by rule id); rules that never fired are not listed.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> RuleCounts { get; init; }

    /// <summary>How many interpreted panels were read against each lab profile (by id), most frequent first (ties by id).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> LabProfiles { get; init; } = [];

    /// <summary>The id of the oxidation model of the run, e.g. <c>eck-wilson</c>; <c>null</c> when not known (no panel was interpreted).</summary>
    public string? ModelId { get; init; }

    /// <summary>The name of the rule set of the run; <c>null</c> when not known.</summary>
    public string? RuleSetName { get; init; }

    /// <summary>The version of the rule set of the run (a hash of its files); <c>null</c> when not known.</summary>
    public string? RuleSetVersion { get; init; }

    /// <summary>The "not a diagnosis" statement the text ends with; see <see cref="Interpretation.NotADiagnosis"/>.</summary>
    public string Disclaimer { get; init; } = Interpretation.NotADiagnosis;

    /// <summary>Writes the statistics as aligned plain-text tables (invariant culture).</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"cohort summary: {Rows} rows, {Interpreted} interpreted, {RowsWithErrors} not interpreted (errors)")
            + (FileErrors > 0 ? string.Create(c, $", {FileErrors} file errors") : ""));
        writer.WriteLine(TerminalText.Escape(ProducedBy()));
        writer.WriteLine();

        writer.WriteLine(string.Create(c, $"{"oxidation type",-16}{"panels",10}{"share",9}"));
        foreach (var (type, count) in OxidationTypes)
        {
            writer.WriteLine(string.Create(c, $"{OxidationWords.Name(type),-16}{count,10}{Share(count),9}"));
        }

        writer.WriteLine();
        writer.WriteLine(string.Create(c, $"{"ratio",-8}{"panels",10}{"min",10}{"q1",10}{"median",10}{"q3",10}{"max",10}"));
        foreach (var ratio in Ratios)
        {
            var mark = ratio.Estimated ? "~" : "";
            writer.WriteLine(string.Create(c,
                $"{ratio.Name,-8}{ratio.Count,10}{Number(ratio.Minimum),10}{mark + Number(ratio.LowerQuartile),10}{mark + Number(ratio.Median),10}{mark + Number(ratio.UpperQuartile),10}{Number(ratio.Maximum),10}"));
        }

        if (Ratios.Any(r => r.Estimated))
        {
            writer.WriteLine("~ estimated (more panels than are kept): within 0.1% of the exact quartile");
        }

        writer.WriteLine();
        if (RuleCounts.Count == 0)
        {
            writer.WriteLine("rules fired: none");
        }
        else
        {
            var width = Math.Max("rule".Length, RuleCounts.Max(r => r.Key.Length)) + 2;
            writer.WriteLine(string.Create(c, $"{"rule".PadRight(width)}{"panels",10}{"share",9}"));
            foreach (var (rule, count) in RuleCounts)
            {
                writer.WriteLine(string.Create(c, $"{rule.PadRight(width)}{count,10}{Share(count),9}"));
            }
        }

        writer.WriteLine();
        writer.WriteLine(Disclaimer);
    }

    /// <summary>
    /// The line that says what produced the figures: the model, the rule set and its version, and the lab profile (with
    /// the panels of each when the run used several), e.g. <c>model eck-wilson · rules default 6059ea035386 · lab profile arl</c>.
    /// </summary>
    private string ProducedBy()
    {
        var c = CultureInfo.InvariantCulture;
        var labs = LabProfiles.Count switch
        {
            0 => "lab profile -",
            1 => $"lab profile {LabProfiles[0].Key}",
            _ => "lab profiles " + string.Join(", ", LabProfiles.Select(l => string.Create(c, $"{l.Key} ({l.Value} panel{(l.Value == 1 ? "" : "s")})"))),
        };
        var rules = RuleSetName is null ? "-" : $"{RuleSetName} {RuleSetVersion}".TrimEnd();
        return $"model {ModelId ?? "-"} · rules {rules} · {labs}";
    }

    private string Share(int count) =>
        Interpreted == 0 ? "-" : (100.0 * count / Interpreted).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double? value) =>
        value is { } number ? number.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
