using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>A piece of input text and where it was found.</summary>
/// <param name="Text">The text, or <c>null</c> when absent.</param>
/// <param name="Location">Where it is.</param>
internal readonly record struct FieldText(string? Text, SourceLocation Location)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>The raw fields of one measurement, whatever the format (a struct: the wide CSV reader makes one per cell).</summary>
internal readonly record struct MeasurementInput(
    FieldText Element,
    FieldText Value,
    FieldText? Unit = null,
    FieldText? ReferenceLow = null,
    FieldText? ReferenceHigh = null,
    FieldText? Flag = null);

/// <summary>
/// Builds one <see cref="Panel"/> from the raw fields any reader found, with the same checks for every format, so
/// that a panel read from CSV, YAML or JSON comes out equal and every problem gets the same code.
/// </summary>
internal sealed partial class PanelAssembler
{
    internal static readonly string[] KnownFields = ["sample_id", "subject_id", "lab", "collected", "sex", "age", "treatment", "unit"];

    private readonly ElementCatalog _catalog;
    private List<Diagnostic> _diagnostics;
    private readonly bool _decimalComma;
    private readonly List<Measurement> _measurements = [];
    private readonly Dictionary<string, Measurement> _byElement = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, string>> _extra = [];
    private readonly HashSet<string> _fieldsSeen = new(StringComparer.OrdinalIgnoreCase);
    private FieldText? _sampleId;
    private string? _subjectId;
    private string? _lab;
    private DateOnly? _collected;
    private Sex _sex;
    private int? _age;
    private SampleTreatment _treatment;
    private ConcentrationUnit? _defaultUnit;
    private bool _defaultUnitInvalid;
    private bool _missingUnitReported;

    public PanelAssembler(ElementCatalog catalog, List<Diagnostic> diagnostics, bool decimalComma)
    {
        _catalog = catalog;
        _diagnostics = diagnostics;
        _decimalComma = decimalComma;
    }

    public bool HasSampleId => _sampleId is not null;

    /// <summary>The sample id as read (trimmed) and where, when one was given.</summary>
    public FieldText? SampleId => _sampleId;

    /// <summary>
    /// Starts a new panel with the same catalogue and decimal mark, keeping the collections' capacity: the wide CSV
    /// reader assembles millions of rows with one assembler. <see cref="Build"/> copies what the panel keeps.
    /// </summary>
    /// <param name="diagnostics">Where the new panel's diagnostics go.</param>
    public void Reset(List<Diagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
        _measurements.Clear();
        _byElement.Clear();
        _extra.Clear();
        _fieldsSeen.Clear();
        _sampleId = null;
        _subjectId = null;
        _lab = null;
        _collected = null;
        _sex = default;
        _age = null;
        _treatment = default;
        _defaultUnit = null;
        _defaultUnitInvalid = false;
        _missingUnitReported = false;
    }

    public static bool IsKnownField(string key) => KnownFields.Contains(key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets a metadata field; unknown names are kept in <see cref="Panel.ExtraFields"/>.</summary>
    /// <param name="key">The field name as written.</param>
    /// <param name="value">The value text.</param>
    /// <param name="reportUnknown">False when the unknown field was already reported (e.g. once for a CSV header).</param>
    public void SetField(string key, FieldText value, bool reportUnknown = true)
    {
        var name = key.Trim();
        var location = value.Location;
        if (!_fieldsSeen.Add(name))
        {
            Add(Diagnostic.Warning(
                DiagnosticCodes.DuplicateField,
                $"The field '{name}' is given more than once; the first one is used.",
                location));
            return;
        }

        var text = value.Text?.Trim();
        switch (name.ToLowerInvariant())
        {
            case "sample_id":
                if (!string.IsNullOrEmpty(text))
                {
                    _sampleId = value with { Text = text };
                }

                break;
            case "subject_id":
                _subjectId = NullIfEmpty(text);
                break;
            case "lab":
                _lab = NullIfEmpty(text);
                break;
            case "collected":
                if (string.IsNullOrEmpty(text))
                {
                    break;
                }

                if (FieldRules.TryParseDate(text, out var date))
                {
                    _collected = date;
                }
                else
                {
                    Invalid(name, text, location, FieldRules.DateExpected);
                }

                break;
            case "sex":
                if (string.IsNullOrEmpty(text))
                {
                    break;
                }

                _sex = FieldRules.ParseSex(text);
                if (_sex == Sex.Unknown)
                {
                    Invalid(name, text, location, FieldRules.SexExpected);
                }

                break;
            case "age":
                if (string.IsNullOrEmpty(text))
                {
                    break;
                }

                if (FieldRules.TryParseAge(text, out var age))
                {
                    _age = age;
                }
                else
                {
                    Invalid(name, text, location, FieldRules.AgeExpected);
                }

                break;
            case "treatment":
                if (string.IsNullOrEmpty(text))
                {
                    break;
                }

                _treatment = FieldRules.ParseTreatment(text);
                if (_treatment == SampleTreatment.Unknown)
                {
                    Invalid(name, text, location, FieldRules.TreatmentExpected);
                }

                break;
            case "unit":
                if (string.IsNullOrEmpty(text))
                {
                    break;
                }

                if (Units.TryParse(text, out var unit))
                {
                    _defaultUnit = unit;
                }
                else
                {
                    _defaultUnitInvalid = true;
                    Add(Diagnostic.Error(DiagnosticCodes.UnknownUnit, UnknownUnitMessage(text, "the default unit"), location));
                }

                break;
            default:
                _extra.Add(new(name, text ?? ""));
                if (reportUnknown)
                {
                    Add(Diagnostic.Warning(
                        DiagnosticCodes.UnknownField,
                        $"The field '{name}' is not one the reader knows; its text is kept with the panel but not used. " +
                        $"Known fields: {string.Join(", ", KnownFields)}.",
                        location));
                }

                break;
        }
    }

    /// <summary>Builds the panel.</summary>
    /// <param name="fallbackSampleId">The id used when none was given.</param>
    /// <param name="source">Where the panel starts.</param>
    /// <param name="sampleIdRequired">True to report a missing id as an error; false to note the fallback (one-report CSV).</param>
    /// <returns>The panel.</returns>
    public Panel Build(string fallbackSampleId, SourceLocation source, bool sampleIdRequired)
    {
        if (_sampleId is null)
        {
            Add(sampleIdRequired
                ? Diagnostic.Error(
                    DiagnosticCodes.MissingRequiredField,
                    $"The panel has no sample_id; it is called '{fallbackSampleId}' here. Add a sample_id.",
                    source.WithField("sample_id"))
                : Diagnostic.Info(
                    DiagnosticCodes.SampleIdFromFileName,
                    $"No '# sample_id:' line; the file name '{fallbackSampleId}' is used as the sample id.",
                    source.WithField("sample_id")));
        }

        return new Panel(_sampleId?.Text ?? fallbackSampleId, _measurements.ToArray())
        {
            SubjectId = _subjectId,
            Lab = _lab,
            CollectedOn = _collected,
            Sex = _sex,
            AgeYears = _age,
            Treatment = _treatment,
            ExtraFields = _extra.ToArray(),
            Source = source,
        };
    }

    private void Invalid(string name, string text, SourceLocation location, string expected)
    {
        _extra.Add(new(name, text));
        Add(Diagnostic.Warning(
            DiagnosticCodes.InvalidMetadataValue,
            $"The {name} '{text}' cannot be read; expected {expected}. The text is kept with the panel but not used.",
            location));
    }

    private static string UnknownUnitMessage(string unitText, string what) =>
        $"'{unitText}' ({what}) is not a hair mineral unit the reader knows; the values are kept as mg% but must be " +
        "checked. Known units: mg%, ppm, µg/g (ug/g, mcg/g), mg/kg, ppb, ng/g.";

    private static string Printed(Measurement measurement) => measurement.Qualifier switch
    {
        MeasurementQualifier.BelowDetectionLimit => $"<{measurement.Amount}",
        MeasurementQualifier.AboveQuantitationLimit => $">{measurement.Amount}",
        MeasurementQualifier.NotDetected => "ND",
        _ => measurement.Amount.ToString(),
    };

    private static string Where(SourceLocation? location) => location switch
    {
        { Line: { } line, Field: { } field } when field.Contains('[', StringComparison.Ordinal) =>
            string.Create(CultureInfo.InvariantCulture, $"line {line} ({field})"),
        { Line: { } line } => string.Create(CultureInfo.InvariantCulture, $"line {line}"),
        { Field: { } field } => field,
        _ => "an earlier place",
    };

    private static string? NullIfEmpty(string? text) => FieldRules.IsNoValue(text) ? null : text;

    private void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
