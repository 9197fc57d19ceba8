using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

// Measurements: element, value, unit, qualifier and reference range checked and converted.
internal sealed partial class PanelAssembler
{
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
        else if (FieldRules.IsAbsurd(parsed.Qualifier, amount.MilligramPercent))
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
}
