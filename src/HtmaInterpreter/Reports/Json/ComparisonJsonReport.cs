using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

internal static partial class ComparisonReport
{
    /// <summary>
    /// Renders, as JSON, a comparison that could not be made (fewer than two panels, panels of different people, input
    /// with errors): an object with <c>schemaVersion</c>, <c>kind</c> (<c>retest-comparison</c>), <c>generator</c>, an
    /// empty <c>tests</c> array and the <c>diagnostics</c> that say why, so that they are never lost.
    /// </summary>
    /// <param name="diagnostics">The diagnostics of reading and comparing.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string RenderJsonNotCompared(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonWriting.Options))
        {
            JsonReport.WriteNothingInterpreted(w, "tests", diagnostics, "retest-comparison", SchemaVersion);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string RenderJson(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonWriting.Options))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("kind", "retest-comparison");
            w.WriteStartObject("generator");
            w.WriteString("name", "HtmaInterpreter");
            w.WriteString("version", Interpreter.LibraryVersion);
            w.WriteEndObject();
            w.WriteStartObject("definitions");
            w.WriteNumber("daysPerMonth", RetestComparison.DaysPerMonth);
            w.WriteStartArray("keyRatios");
            foreach (var name in RetestComparison.KeyRatios)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteString("balanceDistance", "root-mean-square of log10(ratio / ideal) over the key ratios present");
            w.WriteString("direction", "toward/away judged by the distance to the ideal (|log10(value/ideal)|), to the band, or to zero for toxic metals");
            w.WriteEndObject();
            w.WriteString("referenceProfile", comparison.ReferenceProfile.Id);

            w.WriteStartArray("tests");
            foreach (var test in comparison.Tests)
            {
                WriteTest(w, test);
            }

            w.WriteEndArray();
            w.WriteStartArray("elements");
            foreach (var series in comparison.Elements)
            {
                WriteSeries(w, series);
            }

            w.WriteEndArray();
            w.WriteStartArray("ratios");
            foreach (var series in comparison.Ratios)
            {
                WriteSeries(w, series);
            }

            w.WriteEndArray();
            w.WriteStartArray("transitions");
            foreach (var transition in comparison.Transitions)
            {
                w.WriteStartObject();
                w.WriteNumber("from", transition.FromIndex);
                w.WriteNumber("to", transition.ToIndex);
                w.WriteString("fromType", ReportText.Name(transition.From.Type));
                w.WriteString("toType", ReportText.Name(transition.To.Type));
                JsonWriting.WriteOptional(w, "fromRate", ReportText.Name(transition.FromRate));
                JsonWriting.WriteOptional(w, "toRate", ReportText.Name(transition.ToRate));
                w.WriteBoolean("changed", transition.Changed);
                w.WriteBoolean("rateReversed", transition.RateReversed);
                w.WriteString("description", transition.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var finding in comparison.Findings)
            {
                WriteFinding(w, finding);
            }

            w.WriteEndArray();
            w.WriteStartArray("notEvaluated");
            foreach (var (previous, current, rule) in comparison.NotEvaluated)
            {
                w.WriteStartObject();
                w.WriteNumber("previous", previous);
                w.WriteNumber("current", current);
                JsonWriting.WriteUnevaluatedMembers(w, rule);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                JsonReport.WriteDiagnostic(w, diagnostic);
            }

            w.WriteEndArray();
            w.WriteString("disclaimer", comparison.Disclaimer);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteTest(Utf8JsonWriter w, RetestTest test)
    {
        var panel = test.Interpretation.Panel;
        var oxidation = test.Interpretation.Oxidation;
        w.WriteStartObject();
        w.WriteNumber("index", test.Index);
        w.WriteString("sampleId", panel.SampleId);
        JsonWriting.WriteOptional(w, "subjectId", panel.SubjectId);
        JsonWriting.WriteOptional(w, "collected", panel.CollectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        JsonWriting.WriteFiniteOrNull(w, "monthsFromFirst", test.MonthsFromFirst);
        JsonWriting.WriteOptional(w, "lab", panel.Lab);
        w.WriteString("labProfile", test.Interpretation.LabProfile.Id);
        w.WriteStartObject("oxidation");
        w.WriteString("type", ReportText.Name(oxidation.Type));
        JsonWriting.WriteOptional(w, "lean", ReportText.Name(oxidation.Lean));
        JsonWriting.WriteOptional(w, "degree", ReportText.Name(oxidation.Degree));
        w.WriteBoolean("fourLows", oxidation.FourLows);
        JsonWriting.WriteOptional(w, "sodiumPotassium", oxidation.SodiumPotassiumQualifier);
        w.WriteEndObject();
        w.WriteStartObject("balanceDistance");
        JsonWriting.WriteFiniteOrNull(w, "value", test.Balance.Value);
        w.WriteStartObject("deviations");
        foreach (var (name, deviation) in test.Balance.Deviations)
        {
            w.WriteNumber(name, deviation);
        }

        w.WriteEndObject();
        JsonWriting.WriteStrings(w, "missing", test.Balance.Missing);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var finding in test.Interpretation.Findings)
        {
            w.WriteStringValue(finding.RuleId + (finding.Subject is null ? "" : ":" + finding.Subject));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter w, SeriesComparison series)
    {
        w.WriteStartObject();
        w.WriteString("name", series.Name);
        w.WriteString("displayName", series.DisplayName);
        if (series.Kind == SeriesKind.Element)
        {
            JsonWriting.WriteOptional(w, "category", series.Category is { } category ? ReportText.Name(category) : null);
            w.WriteString("unit", "mg%");
        }

        w.WriteStartObject("reference");
        w.WriteString("kind", JsonWord(series.Reference.Kind));
        JsonWriting.WriteFiniteOrNull(w, "ideal", series.Reference.Kind == IdealKind.Ideal ? series.Reference.Ideal : null);
        JsonWriting.WriteFiniteOrNull(w, "low", series.Reference.Low);
        JsonWriting.WriteFiniteOrNull(w, "high", series.Reference.High);
        JsonWriting.WriteOptional(w, "source", series.Reference.Source);
        w.WriteEndObject();
        w.WriteStartArray("values");
        foreach (var value in series.Values)
        {
            if (value is { } v)
            {
                w.WriteNumberValue(ReportText.Round(v));
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
        if (series.Kind == SeriesKind.Element)
        {
            w.WriteStartArray("qualifiers");
            foreach (var measurement in series.Measurements)
            {
                if (measurement is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStringValue(ReportText.Name(measurement.Qualifier));
                }
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("changes");
        foreach (var change in series.Changes)
        {
            WriteChange(w, null, change);
        }

        w.WriteEndArray();
        WriteChange(w, "overall", series.Overall);
        if (series.Trend is { } trend)
        {
            w.WriteStartObject("trend");
            w.WriteNumber("slopePerMonth", trend.SlopePerMonth);
            w.WriteNumber("intercept", trend.Intercept);
            JsonWriting.WriteFiniteOrNull(w, "rSquared", trend.RSquared);
            w.WriteNumber("points", trend.Points);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("trend");
        }

        w.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter w, string? name, ValueChange change)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteNumber("from", change.FromIndex);
        w.WriteNumber("to", change.ToIndex);
        JsonWriting.WriteFiniteOrNull(w, "absolute", change.Absolute is { } a ? ReportText.Round(a) : null);
        JsonWriting.WriteFiniteOrNull(w, "relative", change.Relative);
        JsonWriting.WriteFiniteOrNull(w, "distanceBefore", change.DistanceBefore);
        JsonWriting.WriteFiniteOrNull(w, "distanceAfter", change.DistanceAfter);
        w.WriteString("direction", JsonWord(change.Direction));
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, RetestFinding retestFinding)
    {
        var finding = retestFinding.Finding;
        w.WriteStartObject();
        w.WriteNumber("previous", retestFinding.PreviousIndex);
        w.WriteNumber("current", retestFinding.CurrentIndex);
        w.WriteString("id", finding.RuleId);
        JsonWriting.WriteOptional(w, "subject", finding.Subject);
        w.WriteString("title", finding.Title);
        w.WriteString("severity", ReportText.Name(finding.Severity));
        w.WriteString("category", finding.Category);
        w.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            w.WriteStartObject();
            w.WriteString("kind", evidence.Kind.ToString().ToLowerInvariant());
            w.WriteString("name", evidence.Name);
            JsonWriting.WriteFiniteOrNull(w, "mgPercent", evidence.MilligramPercent is { } mg ? (double)mg : null);
            JsonWriting.WriteFiniteOrNull(w, "ratio", evidence.RatioValue);
            JsonWriting.WriteOptional(w, "value", evidence.Value);
            JsonWriting.WriteStrings(w, "tests", evidence.Tests);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("explanation", finding.Explanation);
        JsonWriting.WriteStrings(w, "suggestions", finding.Suggestions);
        w.WriteString("source", finding.Source);
        JsonWriting.WriteStrings(w, "thresholdSources", finding.ThresholdSources);
        w.WriteEndObject();
    }
}
