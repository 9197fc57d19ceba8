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
internal sealed class PanelAssembler
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

    /// <summary>Adds a measurement, checking its element, value and unit.</summary>
    /// <param name="input">The raw fields.</param>
    public void AddMeasurement(in MeasurementInput input)
    {
        var elementName = input.Element.Text?.Trim();
        if (string.IsNullOrEmpty(elementName))
        {
            Add(Diagnostic.Error(
                DiagnosticCodes.MissingRequiredField,
                "A measurement has no element name, so its value cannot be used.",
                input.Element.Location));
            return;
        }

        var parsed = ValueText.Parse(input.Value.Text, _decimalComma);
        switch (parsed.Kind)
        {
            case ValueTextKind.Empty:
                Add(Diagnostic.Warning(
                    DiagnosticCodes.MissingValue,
                    $"{elementName} is listed without a value; it is left out.",
                    input.Value.Location));
                return;
            case ValueTextKind.NotFinite:
                Add(Diagnostic.Error(
                    DiagnosticCodes.NotAFiniteNumber,
                    $"The value of {elementName} is NaN or infinite, which no lab reports; it cannot be used. Check the export.",
                    input.Value.Location));
                return;
            case ValueTextKind.TooLarge:
                Add(Diagnostic.Error(
                    DiagnosticCodes.ValueNotRepresentable,
                    $"The value of {elementName} is a number larger than any the reader can hold (about {About(decimal.MaxValue)}); it cannot be used. " +
                    "The number or the export is wrong.",
                    input.Value.Location));
                return;
            case ValueTextKind.NotANumber:
                Add(Diagnostic.Error(
                    DiagnosticCodes.NonNumericValue,
                    $"The value of {elementName} is not a number. Expected a number such as 73 or 0.05, a detection limit " +
                    "such as <0.002 or >500, or ND.",
                    input.Value.Location));
                return;
        }

        var unit = ResolveUnit(elementName, input);
        Element? element = null;
        if (!_catalog.TryFind(elementName, out element))
        {
            Add(Diagnostic.Warning(
                DiagnosticCodes.UnknownElement,
                $"'{elementName}' is not an element the reader knows; it is kept as an unrecognised measurement and not interpreted.",
                input.Element.Location));
        }

        var amount = new Concentration(parsed.Amount, unit);
        CheckRepresentable(elementName, input.Value, parsed, amount);
        if (parsed.Amount < 0)
        {
            Add(Diagnostic.Error(
                DiagnosticCodes.NegativeValue,
                $"The value of {elementName} is negative, which a concentration cannot be; it is kept as printed but must be checked.",
                input.Value.Location));
        }
        else if (parsed.Qualifier is MeasurementQualifier.Exact or MeasurementQualifier.AboveQuantitationLimit
                 && amount.MilligramPercent > FieldRules.AbsurdMilligramPercent)
        {
            Add(Diagnostic.Warning(
                DiagnosticCodes.AbsurdValue,
                $"{elementName} = {amount} would be more than a tenth of the hair's mass (above {FieldRules.AbsurdMilligramPercent.ToString("N0", CultureInfo.InvariantCulture)} mg%), which is " +
                "physically impossible; the unit or the number is probably wrong. The value is kept.",
                input.Value.Location));
        }

        var measurement = new Measurement(
            elementName,
            element,
            amount,
            parsed.Qualifier,
            ReadRange(elementName, input, unit),
            NullIfEmpty(input.Flag?.Text?.Trim()),
            input.Element.Location);

        var key = element?.Symbol ?? elementName;
        if (_byElement.TryGetValue(key, out var first))
        {
            var same = first.Amount.IsSameAmountAs(measurement.Amount) && first.Qualifier == measurement.Qualifier;
            var message =
                $"{elementName} is given twice: first at {Where(first.Source)}, again at {Where(input.Element.Location)}. " +
                $"The first is used; the second ({Printed(measurement)}) is not" +
                (same ? " (both are the same amount)." : " and differs from the first: check which one is right.");
            Add(same
                ? Diagnostic.Warning(DiagnosticCodes.DuplicateElement, message, input.Element.Location)
                : Diagnostic.Error(DiagnosticCodes.DuplicateElement, message, input.Element.Location));
            return;
        }

        _byElement[key] = measurement;
        _measurements.Add(measurement);
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

    private ConcentrationUnit ResolveUnit(string elementName, in MeasurementInput input)
    {
        if (input.Unit is { IsBlank: false } unitField)
        {
            if (Units.TryParse(unitField.Text, out var unit))
            {
                return unit;
            }

            Add(Diagnostic.Error(
                DiagnosticCodes.UnknownUnit,
                UnknownUnitMessage(unitField.Text!.Trim(), $"the unit of {elementName}"),
                unitField.Location));
            return Units.Canonical;
        }

        if (_defaultUnit is { } defaultUnit)
        {
            return defaultUnit;
        }

        if (!_defaultUnitInvalid && !_missingUnitReported)
        {
            _missingUnitReported = true;
            Add(Diagnostic.Error(
                DiagnosticCodes.MissingUnit,
                $"No unit is given for {elementName}, and the panel has no default unit. Values without a unit are kept " +
                "as mg% but must be checked: add a unit (mg%, ppm, µg/g, ...).",
                input.Unit?.Location ?? input.Value.Location));
        }

        return Units.Canonical;
    }

    /// <summary>
    /// Reports a value the decimal cannot hold exactly (<see cref="ParsedValue.Rounded"/>), one whose conversion to mg%
    /// loses digits, and one too large to be converted to every unit (<see cref="Units.MaxConvertibleMilligramPercent"/>).
    /// </summary>
    private void CheckRepresentable(string elementName, FieldText value, ParsedValue parsed, Concentration amount)
    {
        if (parsed.Qualifier == MeasurementQualifier.NotDetected)
        {
            return;
        }

        var text = value.Text!.Trim();
        if (parsed.Rounded)
        {
            Add(Diagnostic.Warning(
                DiagnosticCodes.ValueNotRepresentable,
                parsed.Amount == 0
                    ? $"The value of {elementName}, '{text}', is smaller than the smallest amount the reader can hold (10^-28); it is kept as 0. Check the number and its unit."
                    : $"The value of {elementName}, '{text}', has more digits than the reader can hold (28 after the point, 28 or 29 in all); it is kept as {amount}. Check the number.",
                value.Location));
        }

        if (amount.Unit == Units.Canonical || parsed.Amount == 0)
        {
            if (decimal.Abs(parsed.Amount) > Units.MaxConvertibleMilligramPercent)
            {
                NotConvertible(elementName, value, amount);
            }

            return;
        }

        var milligramPercent = amount.MilligramPercent;
        if (!Units.TryConvert(milligramPercent, Units.Canonical, amount.Unit, out var back) || back != parsed.Amount)
        {
            Add(Diagnostic.Warning(
                DiagnosticCodes.ValueNotRepresentable,
                milligramPercent == 0
                    ? $"The value of {elementName}, '{text}' {Units.Symbol(amount.Unit)}, is smaller than the smallest amount the reader can hold in mg% (10^-28); it is used as 0 mg%. Check the number and its unit."
                    : $"The value of {elementName}, '{text}' {Units.Symbol(amount.Unit)}, needs more digits in mg% than the reader can hold (28 after the point); it is used as {Units.Normalize(milligramPercent)} mg%. Check the number.",
                value.Location));
        }
        else if (decimal.Abs(milligramPercent) > Units.MaxConvertibleMilligramPercent)
        {
            NotConvertible(elementName, value, amount);
        }
    }

    /// <summary>A bound for a message, such as "7.9 × 10^28", from the constant it stands for.</summary>
    private static string About(decimal value)
    {
        var number = (double)value;
        var exponent = (int)Math.Floor(Math.Log10(number));
        return string.Create(CultureInfo.InvariantCulture, $"{number / Math.Pow(10, exponent):0.#} × 10^{exponent}");
    }

    private void NotConvertible(string elementName, FieldText value, Concentration amount) => Add(Diagnostic.Warning(
        DiagnosticCodes.ValueNotConvertible,
        $"{elementName} = {amount} is too large to be converted to every unit (above about {About(Units.MaxConvertibleMilligramPercent)} mg%, which is {About(decimal.MaxValue)} ppb); " +
        "a report in a unit it cannot be converted to shows it in its own unit. The value is kept.",
        value.Location));

    private ReferenceRange? ReadRange(string elementName, in MeasurementInput input, ConcentrationUnit unit)
    {
        var low = ReadBound(elementName, input.ReferenceLow, out var lowValid);
        var high = ReadBound(elementName, input.ReferenceHigh, out var highValid);
        if (!lowValid || !highValid || (low is null && high is null))
        {
            return null;
        }

        if (low > high)
        {
            // Reversed bounds are most likely swapped columns; guessing the order would show a range the lab never gave.
            Add(Diagnostic.Warning(
                DiagnosticCodes.InvalidReferenceRange,
                $"The reference range of {elementName} runs backwards: its low bound '{input.ReferenceLow!.Value.Text!.Trim()}' is above " +
                $"its high bound '{input.ReferenceHigh!.Value.Text!.Trim()}'; the lab's range is left out. Check whether the two columns are swapped.",
                input.ReferenceLow!.Value.Location));
            return null;
        }

        return new ReferenceRange(low, high, unit);
    }

    private decimal? ReadBound(string elementName, FieldText? field, out bool valid)
    {
        valid = true;
        if (field is not { IsBlank: false } bound)
        {
            return null;
        }

        if (ValueText.TryParseNumber(bound.Text!, _decimalComma, out var value, out var rounded))
        {
            if (rounded)
            {
                Add(Diagnostic.Warning(
                    DiagnosticCodes.ValueNotRepresentable,
                    $"A reference range bound of {elementName}, '{bound.Text!.Trim()}', cannot be held exactly (more than 28 digits after the point, or 28 to 29 in all); it is kept as {Units.Normalize(value)}.",
                    bound.Location));
            }

            return value;
        }

        valid = false;
        Add(Diagnostic.Warning(
            DiagnosticCodes.InvalidReferenceRange,
            $"A reference range bound of {elementName} is not a number; the lab's range is left out.",
            bound.Location));
        return null;
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

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) || text == "~" ? null : text;

    private void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);
}
