using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Renders an <see cref="Interpretation"/> as JSON with stable camelCase field names, invariant culture and no NaN or
/// Infinity. The schema is documented in the README; <see cref="SchemaVersion"/> changes when a field is removed or
/// changes meaning (adding a field does not change it).
/// </summary>
internal static class JsonReport
{
    /// <summary>The version of the JSON schema written in <c>schemaVersion</c>.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Renders one interpretation as a JSON document.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <returns>The JSON text (UTF-8 when written), ending with a newline.</returns>
    public static string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        using var stream = new MemoryStream();
        Write(interpretation, stream, readDiagnostics);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes one interpretation as a JSON document to a stream (UTF-8, no BOM).</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    public static void Write(Interpretation interpretation, Stream stream, IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, JsonWriting.Options);
        WriteInterpretation(writer, interpretation, readDiagnostics ?? []);
    }

    /// <summary>
    /// Renders several interpretations as a JSON array of documents of the same schema. With none (nothing could be
    /// read), an object that keeps the diagnostics: <c>schemaVersion</c>, <c>generator</c>, an empty
    /// <c>interpretations</c> array and <c>diagnostics</c>.
    /// </summary>
    /// <param name="interpretations">The interpretations, in input order.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the file, listed in the first document.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWriting.Options))
        {
            if (interpretations.Count == 0)
            {
                WriteNothingInterpreted(writer, "interpretations", readDiagnostics ?? []);
                writer.Flush();
                return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
            }

            writer.WriteStartArray();
            for (var i = 0; i < interpretations.Count; i++)
            {
                WriteInterpretation(writer, interpretations[i], i == 0 ? readDiagnostics ?? [] : []);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static void WriteInterpretation(Utf8JsonWriter writer, Interpretation interpretation, IReadOnlyList<Diagnostic> readDiagnostics)
    {
        var panel = interpretation.Panel;
        var lab = interpretation.LabProfile;
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteStartObject("generator");
        writer.WriteString("name", "HtmaInterpreter");
        writer.WriteString("version", interpretation.LibraryVersion);
        writer.WriteEndObject();

        writer.WriteStartObject("sample");
        writer.WriteString("sampleId", panel.SampleId);
        JsonWriting.WriteOptional(writer, "subjectId", panel.SubjectId);
        JsonWriting.WriteOptional(writer, "lab", panel.Lab);
        JsonWriting.WriteOptional(writer, "collected", panel.CollectedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        JsonWriting.WriteOptional(writer, "sex", ReportText.Name(panel.Sex));
        if (panel.AgeYears is { } age)
        {
            writer.WriteNumber("age", age);
        }

        writer.WriteString("treatment", ReportText.Name(interpretation.Treatment));
        writer.WriteEndObject();

        writer.WriteStartObject("labProfile");
        writer.WriteString("id", lab.Id);
        writer.WriteString("name", lab.Name);
        writer.WriteString("unit", Units.Symbol(lab.ReportingUnit));
        writer.WriteString("treatment", ReportText.Name(lab.Treatment));
        JsonWriting.WriteStrings(writer, "caveats", lab.Caveats);
        writer.WriteEndObject();

        writer.WriteStartObject("model");
        writer.WriteString("id", interpretation.Oxidation.ModelId);
        writer.WriteString("name", interpretation.ModelName);
        writer.WriteEndObject();

        writer.WriteStartObject("ruleSet");
        writer.WriteString("name", interpretation.RuleSetName);
        writer.WriteString("version", interpretation.RuleSetVersion);
        writer.WriteEndObject();

        WriteElements(writer, interpretation);
        WriteRatios(writer, interpretation);
        WriteOxidation(writer, interpretation);
        WriteFindings(writer, interpretation.Findings);

        writer.WriteStartArray("notEvaluated");
        foreach (var rule in interpretation.NotEvaluated)
        {
            writer.WriteStartObject();
            JsonWriting.WriteUnevaluatedMembers(writer, rule);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in readDiagnostics.Concat(interpretation.Diagnostics))
        {
            WriteDiagnostic(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteString("disclaimer", interpretation.Disclaimer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the document for input that gave nothing to report: <c>schemaVersion</c>, <c>kind</c> when given,
    /// <c>generator</c>, an empty array named <paramref name="emptyArray"/> and the <c>diagnostics</c> that say why.
    /// </summary>
    internal static void WriteNothingInterpreted(Utf8JsonWriter writer, string emptyArray, IReadOnlyList<Diagnostic> diagnostics, string? kind = null, int schemaVersion = SchemaVersion)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", schemaVersion);
        if (kind is not null)
        {
            writer.WriteString("kind", kind);
        }

        writer.WriteStartObject("generator");
        writer.WriteString("name", "HtmaInterpreter");
        writer.WriteString("version", Interpreter.LibraryVersion);
        writer.WriteEndObject();
        writer.WriteStartArray(emptyArray);
        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            WriteDiagnostic(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("code", diagnostic.Code);
        writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        writer.WriteString("message", diagnostic.Message);
        JsonWriting.WriteOptional(writer, "file", diagnostic.Location.File);
        if (diagnostic.Location.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }

        if (diagnostic.Location.Column is { } column)
        {
            writer.WriteNumber("column", column);
        }

        JsonWriting.WriteOptional(writer, "field", diagnostic.Location.Field);
        writer.WriteEndObject();
    }

    private static void WriteElements(Utf8JsonWriter writer, Interpretation interpretation)
    {
        writer.WriteStartArray("elements");
        foreach (var result in interpretation.Elements)
        {
            var measurement = result.Measurement;
            writer.WriteStartObject();
            writer.WriteString("element", measurement.Element?.Symbol ?? measurement.ReportedName);
            writer.WriteBoolean("recognised", measurement.IsRecognised);
            if (measurement.Element is { } element)
            {
                writer.WriteString("name", element.Name);
                writer.WriteString("category", ReportText.Name(element.Category));
            }

            writer.WriteNumber("mgPercent", measurement.MilligramPercent);
            writer.WriteStartObject("reported");
            writer.WriteNumber("value", measurement.Amount.Value);
            writer.WriteString("unit", Units.Symbol(measurement.Amount.Unit));
            writer.WriteEndObject();
            writer.WriteString("qualifier", ReportText.Name(measurement.Qualifier));
            writer.WriteString("level", ReportText.Name(result.Level));
            writer.WriteString("basis", ReportText.Name(result.Basis));
            writer.WriteString("judgement", ReportText.Judgement(result));
            if (result.FromIdeal is { } fromIdeal)
            {
                writer.WriteNumber("fromIdeal", ReportText.Round(fromIdeal));
            }
            if (result.ProfileRange is { } range)
            {
                writer.WriteStartObject("referenceRange");
                WriteOptionalNumber(writer, "low", range.Low);
                WriteOptionalNumber(writer, "high", range.High);
                writer.WriteString("unit", Units.Symbol(range.Unit));
                writer.WriteEndObject();
            }

            if (result.ToxicLimit is { } limit)
            {
                WriteConcentration(writer, "toxicLimit", limit);
            }

            if (result.Ideal is { } ideal)
            {
                WriteConcentration(writer, "ideal", ideal);
            }

            JsonWriting.WriteOptional(writer, "labFlag", measurement.LabFlag);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRatios(Utf8JsonWriter writer, Interpretation interpretation)
    {
        writer.WriteStartArray("ratios");
        foreach (var ratio in interpretation.Ratios)
        {
            writer.WriteStartObject();
            writer.WriteString("name", ratio.Name);
            writer.WriteNumber("value", ReportText.Round(ratio.Value));
            WriteOptionalNumber(writer, "ideal", ratio.Ideal);
            WriteOptionalNumber(writer, "idealLow", ratio.IdealLow);
            WriteOptionalNumber(writer, "idealHigh", ratio.IdealHigh);
            WriteOptionalNumber(writer, "deviation", ratio.Deviation);
            JsonWriting.WriteOptional(writer, "band", ratio.Band);
            JsonWriting.WriteOptional(writer, "tradition", ratio.Tradition);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOxidation(Utf8JsonWriter writer, Interpretation interpretation)
    {
        var oxidation = interpretation.Oxidation;
        writer.WriteStartObject("oxidation");
        writer.WriteString("type", ReportText.Name(oxidation.Type));
        JsonWriting.WriteOptional(writer, "lean", ReportText.Name(oxidation.Lean));
        JsonWriting.WriteOptional(writer, "degree", ReportText.Name(oxidation.Degree));
        writer.WriteBoolean("fourLows", oxidation.FourLows);
        JsonWriting.WriteOptional(writer, "sodiumPotassium", oxidation.SodiumPotassiumQualifier);
        JsonWriting.WriteOptional(writer, "stressStage", oxidation.StressStage);
        writer.WriteStartArray("decidingRatios");
        foreach (var deciding in oxidation.DecidingRatios)
        {
            writer.WriteStartObject();
            writer.WriteString("ratio", deciding.Ratio);
            writer.WriteNumber("value", ReportText.Round(deciding.Value));
            writer.WriteNumber("threshold", deciding.Threshold);
            writer.WriteString("indicates", ReportText.Name(deciding.Indicates));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("model", oxidation.ModelId);
        writer.WriteString("labProfile", oxidation.LabProfileId);
        JsonWriting.WriteStrings(writer, "notes", oxidation.Notes);
        writer.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter writer, IReadOnlyList<Finding> findings)
    {
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("id", finding.RuleId);
            JsonWriting.WriteOptional(writer, "subject", finding.Subject);
            writer.WriteString("title", finding.Title);
            writer.WriteString("severity", ReportText.Name(finding.Severity));
            writer.WriteString("category", finding.Category);
            writer.WriteBoolean("referral", finding.IsReferral);
            writer.WriteStartArray("evidence");
            foreach (var evidence in finding.Evidence)
            {
                WriteEvidence(writer, evidence);
            }

            writer.WriteEndArray();
            writer.WriteString("explanation", finding.Explanation);
            JsonWriting.WriteStrings(writer, "suggestions", finding.Suggestions);
            writer.WriteString("source", finding.Source);
            JsonWriting.WriteStrings(writer, "thresholdSources", finding.ThresholdSources);
            writer.WriteStartArray("claims");
            foreach (var claim in finding.Claims)
            {
                writer.WriteNumberValue(claim);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, Evidence evidence)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", evidence.Kind.ToString().ToLowerInvariant());
        writer.WriteString("name", evidence.Name);
        WriteOptionalNumber(writer, "mgPercent", evidence.MilligramPercent);
        if (evidence.LabValue is { } labValue)
        {
            WriteConcentration(writer, "labValue", labValue);
        }

        if (evidence.Qualifier is { } qualifier)
        {
            writer.WriteString("qualifier", ReportText.Name(qualifier));
        }

        if (evidence.Level is { } level)
        {
            writer.WriteString("level", ReportText.Name(level));
        }

        if (evidence.RatioValue is { } ratio)
        {
            writer.WriteNumber("value", ReportText.Round(ratio));
        }
        else
        {
            JsonWriting.WriteOptional(writer, "value", evidence.Value);
        }

        JsonWriting.WriteStrings(writer, "tests", evidence.Tests);
        writer.WriteEndObject();
    }

    private static void WriteConcentration(Utf8JsonWriter writer, string name, Concentration concentration)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("value", concentration.Value);
        writer.WriteString("unit", Units.Symbol(concentration.Unit));
        writer.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        JsonWriting.WriteFiniteOrNull(writer, name, value is { } number ? ReportText.Round(number) : null);
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
