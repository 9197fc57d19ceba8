using System.Globalization;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using Element = HtmaInterpreter.Panels.Element;

namespace HtmaInterpreter.Fhir;

public static partial class FhirImporter
{
    /// <summary>One Observation to a measurement: element, specimen, value, comparator and unit.</summary>
    private sealed partial class Reader
    {
        private Measurement? TryReadMeasurement(Observation observation, string path, Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            try
            {
                return ReadMeasurement(observation, path, byReference);
            }
            catch (CodedException)
            {
                // A value the JSON reader already reported as invalid (HTMA1001) throws when read; say what it costs.
                diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.NoValue, "This Observation holds a value that is not valid FHIR (see the error above); it is not read.", Location(path)));
                return null;
            }
        }

        private Measurement? ReadMeasurement(Observation observation, string path, Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            if (Withdrawn(Safely(() => observation.Status?.ToString()), path))
            {
                return null;
            }

            if (!TryElement(observation.Code, out var element))
            {
                diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.NotAnElement,
                    "This Observation's code is neither a hair LOINC code nor, without a LOINC code, the name or symbol of an element; it is not read.",
                    Location(path + ".code")));
                return null;
            }

            if (observation.Specimen is { } specimenReference)
            {
                if (Resolve<Specimen>(specimenReference, byReference) is not { } specimen)
                {
                    diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.UnresolvedReference,
                        $"The specimen of the {element.Name} Observation is not in this file; it is read as hair.", Location(path + ".specimen")));
                }
                else if (!IsHair(specimen.Type))
                {
                    diagnostics.Add(Diagnostic.Error(FhirDiagnosticCodes.NotHair,
                        $"The {element.Name} Observation is not on a hair specimen; its specimen's type must give {HairExpected}. It is not read.", Location(path + ".specimen")));
                    return null;
                }
            }

            var location = Location(path);
            switch (observation.Value)
            {
                case Quantity quantity:
                    return WithLabPrinted(ReadQuantity(quantity, element, path, location), observation, element, path);
                case CodeableConcept concept when IsNotDetected(concept):
                    return WithLabPrinted(
                        new Measurement(element.Symbol, element, new Concentration(0m, ConcentrationUnit.MilligramPercent), MeasurementQualifier.NotDetected, source: location.WithField(path + ".valueCodeableConcept")),
                        observation, element, path);
                case null:
                    diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.NoValue,
                        observation.DataAbsentReason is null
                            ? $"The {element.Name} Observation has no value; it is not read."
                            : $"The {element.Name} Observation gives a reason its value is absent; it is not read.",
                        location));
                    return null;
                default:
                    diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.NoValue,
                        $"The {element.Name} Observation's value is a {observation.Value.TypeName}, not a quantity or \"not detected\"; it is not read.",
                        Location(path + ".value" + observation.Value.TypeName)));
                    return null;
            }
        }

        private Measurement? ReadQuantity(Quantity quantity, Element element, string path, SourceLocation location)
        {
            var valuePath = path + ".valueQuantity";
            if (quantity.Value is not { } value)
            {
                diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.NoValue, $"The {element.Name} quantity has no number; it is not read.", Location(valuePath + ".value")));
                return null;
            }

            var qualifier = quantity.Comparator switch
            {
                null => MeasurementQualifier.Exact,
                Quantity.QuantityComparator.LessThan => MeasurementQualifier.BelowDetectionLimit,
                Quantity.QuantityComparator.GreaterThan => MeasurementQualifier.AboveQuantitationLimit,
                _ => (MeasurementQualifier?)null,
            };
            if (qualifier is null)
            {
                diagnostics.Add(Diagnostic.Error(FhirDiagnosticCodes.UnsupportedComparator,
                    $"The {element.Name} value has a comparator other than < or >; it is not read.", Location(valuePath + ".comparator")));
                return null;
            }

            // A UCUM code must be one the domain notes list; without a UCUM system the code or printed unit may also be
            // a spelling the core's readers know (mg%, mcg/g, ...), but only of a unit that has a listed UCUM code.
            var read = quantity.System == FhirSystems.Ucum
                ? UcumUnits.TryParse(quantity.Code, out var unit)
                : UcumUnits.TryParse(quantity.Code ?? quantity.Unit, out unit)
                  || ((Concentration.TryParseUnit(quantity.Code, out unit) || (quantity.Code is null && Concentration.TryParseUnit(quantity.Unit, out unit)))
                      && UcumUnits.TryGetCode(unit, out _));
            if (!read)
            {
                var field = quantity.Code is null ? ".unit" : ".code";
                var written = (quantity.Code ?? quantity.Unit)?.Trim();
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownUnit,
                    string.IsNullOrEmpty(written)
                        ? $"The {element.Name} quantity gives no unit; expected one of the UCUM units {UcumUnits.Listed}. The value is not read."
                        : $"The {element.Name} unit '{written}' is not read: expected one of the UCUM units {UcumUnits.Listed} (ppb and ng/g have no UCUM code this reader accepts; send such a value in ug/g). The value is not read.",
                    Location(valuePath + field)));
                return null;
            }

            if (value < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NegativeValue, $"The {element.Name} value is negative; it is not read.", Location(valuePath + ".value")));
                return null;
            }

            var measurement = new Measurement(element.Symbol, element, new Concentration(value, unit), qualifier.Value, source: location.WithField(valuePath));
            if (measurement.IsPhysicallyImpossible)
            {
                // The core's readers give the same warning (code, severity, wording) for such a value, and keep it too.
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.AbsurdValue,
                    $"{element.Symbol} = {measurement.Amount} would be more than a tenth of the hair's mass (above {Measurement.PhysicalLimitMilligramPercent.ToString("N0", CultureInfo.InvariantCulture)} mg%), which is " +
                    "physically impossible; the unit or the number is probably wrong. The value is kept.",
                    Location(valuePath + ".value")));
            }

            return measurement;
        }

        /// <summary>
        /// The measurement with the range and flag the lab printed, read only from a reference range and an
        /// interpretation marked as the lab's (<see cref="LabPrinted"/>): the profile's range and flag are not the lab's.
        /// </summary>
        private Measurement? WithLabPrinted(Measurement? measurement, Observation observation, Element element, string path)
        {
            if (measurement is null)
            {
                return null;
            }

            var flag = observation.Interpretation.Select(i => i.Text).FirstOrDefault(t => t is not null && t.StartsWith(LabPrinted.FlagPrefix, StringComparison.Ordinal));
            var range = default(ReferenceRange);
            for (var i = 0; i < observation.ReferenceRange.Count && range is null; i++)
            {
                if (observation.ReferenceRange[i] is { Text: LabPrinted.RangeText } printed)
                {
                    range = ReadLabRange(printed, element, string.Create(CultureInfo.InvariantCulture, $"{path}.referenceRange[{i}]"));
                }
            }

            return measurement with
            {
                LabRange = range,
                LabFlag = flag?[LabPrinted.FlagPrefix.Length..].Trim() is { Length: > 0 } printedFlag ? printedFlag : null,
            };
        }

        /// <summary>The lab's printed range, or null with a warning when a bound has no number or the two bounds no one listed UCUM unit.</summary>
        private ReferenceRange? ReadLabRange(Observation.ReferenceRangeComponent printed, Element element, string path)
        {
            var bounds = new[] { printed.Low, printed.High }.Where(b => b is not null).ToList();
            var units = bounds.Select(b => UcumUnits.TryParse(b!.Code, out var unit) && b.System == FhirSystems.Ucum ? unit : (ConcentrationUnit?)null).Distinct().ToList();
            if (bounds.Count == 0 || bounds.Any(b => b!.Value is not >= 0m) || units is not [{ } rangeUnit])
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownUnit,
                    $"The {element.Name} range the lab printed is not read: each bound needs a number and both the same UCUM unit ({UcumUnits.Listed}). The value is read.",
                    Location(path)));
                return null;
            }

            return new ReferenceRange(printed.Low?.Value, printed.High?.Value, rangeUnit);
        }

        private static bool TryElement(CodeableConcept? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Element? element)
        {
            element = null;
            if (code is null)
            {
                return false;
            }

            foreach (var coding in code.Coding)
            {
                if (coding.System == FhirSystems.Loinc && coding.Code is { } loinc && HairLoinc.TryGetSymbol(loinc, out var symbol))
                {
                    return Element.TryFind(symbol, out element);
                }
            }

            // A LOINC code that is not a hair code names another specimen or test (serum sodium is "Sodium" too):
            // the text must not turn it into a hair value.
            if (code.Coding.Any(c => c.System == FhirSystems.Loinc))
            {
                return false;
            }

            return Element.TryFind(code.Text?.Trim(), out element);
        }

        /// <summary>
        /// Hair by text or display, or by one of the two codes the FHIR R4 specification gives for a hair specimen: HL7 v2
        /// table 0487 <c>HAR</c> ("Hair") and SNOMED CT <c>119326000</c> ("hair specimen", named in the specification's
        /// v2-0487 to SNOMED CT concept map).
        /// </summary>
        private static bool IsHair(CodeableConcept? type) =>
            type is not null && (Mentions(type.Text) || type.Coding.Any(c => Mentions(c.Display)
                || (c.System == FhirSystems.V2SpecimenType && c.Code == HairV2Code)
                || (c.System == FhirSystems.Snomed && c.Code == HairSnomedCode)));

        private const string HairV2Code = "HAR", HairSnomedCode = "119326000";

        /// <summary>What a hair specimen's type must say, for the refusal.</summary>
        private const string HairExpected = "the text or display \"hair\", or the code HAR (" + FhirSystems.V2SpecimenType + ") or 119326000 (" + FhirSystems.Snomed + ")";

        private static bool Mentions(string? text) => text is not null && text.Contains("hair", StringComparison.OrdinalIgnoreCase);

        private static bool IsNotDetected(CodeableConcept concept) =>
            concept.Text?.Trim().ToLowerInvariant() is "not detected" or "nd";
    }
}
