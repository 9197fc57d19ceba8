using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Fhir;

public static partial class FhirExporter
{
    /// <summary>The Observation of one element: value, unit, the profile's range, limit and flag, and what the lab printed.</summary>
    private sealed partial class BundleBuilder
    {
        private void AddElement(ElementResult result)
        {
            var measurement = result.Measurement;
            var symbol = measurement.Element?.Symbol ?? measurement.ReportedName;
            var code = new CodeableConcept { Text = measurement.Element?.Name ?? measurement.ReportedName };
            if (measurement.Element is { } element && HairLoinc.TryGet(element.Symbol, out var loinc))
            {
                code.Coding = [new Coding(FhirSystems.Loinc, loinc.Code, loinc.Display)];
            }

            var observation = NewObservation(code, derived: false);
            observation.Specimen = new ResourceReference(specimenUrl);
            // ppb and ng/g have no UCUM code the domain notes list: such a panel travels in ug/g, the same amount.
            var unit = UcumUnits.TryGetCode(measurement.Amount.Unit, out _) ? measurement.Amount.Unit : UcumUnits.Exchange;
            if (measurement.Qualifier == MeasurementQualifier.NotDetected)
            {
                observation.Value = new CodeableConcept { Text = "Not detected" };
            }
            else
            {
                observation.Value = Quantity(measurement.Amount.To(unit).Value, unit, measurement.Qualifier switch
                {
                    MeasurementQualifier.BelowDetectionLimit => Hl7.Fhir.Model.Quantity.QuantityComparator.LessThan,
                    MeasurementQualifier.AboveQuantitationLimit => Hl7.Fhir.Model.Quantity.QuantityComparator.GreaterThan,
                    _ => null,
                });
            }

            if (result.ProfileRange is { } range)
            {
                var inUnit = range.To(unit);
                observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
                {
                    Low = inUnit.Low is { } low ? Quantity(low, unit, null) : null,
                    High = inUnit.High is { } high ? Quantity(high, unit, null) : null,
                    Type = new CodeableConcept(FhirSystems.ReferenceRangeMeaning, "normal", "Normal Range", null),
                    Text = $"Reference range of the lab profile {interpretation.LabProfile.Name}",
                });
            }

            if (result.ToxicLimit is { } limit)
            {
                observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
                {
                    High = Quantity(limit.To(unit).Value, unit, null),
                    // No code of the reference-range meaning system says "toxic limit": the text alone tells it apart.
                    Text = $"Toxic limit of the lab profile {interpretation.LabProfile.Name} (above it the metal counts as elevated)",
                });
            }

            // A result built or changed outside the interpreter may not know its basis: without a range or limit there is
            // nothing published to flag against either way.
            if (!result.IsJudgedAgainstIdealOnly && (result.ProfileRange is not null || result.ToxicLimit is not null))
            {
                // Only a published range or cut-off decides high, low or normal (without one the level is unknown: no flag).
                var flag = result.Level switch
                {
                    ElementLevel.Low => ("L", "Low"),
                    ElementLevel.WithinRange => ("N", "Normal"),
                    ElementLevel.High or ElementLevel.Elevated => ("H", "High"),
                    _ => default((string, string)?),
                };
                if (flag is { } f)
                {
                    observation.Interpretation = [new CodeableConcept(FhirSystems.ObservationInterpretation, f.Item1, f.Item2)];
                }
            }
            else if (result.Ideal is { } ideal && result.Level is ElementLevel.Low or ElementLevel.High or ElementLevel.WithinRange)
            {
                var word = result.Level switch { ElementLevel.Low => "below", ElementLevel.High => "above", _ => "at" };
                observation.Note = [new Annotation { Text = new Markdown(string.Create(CultureInfo.InvariantCulture,
                    $"{word} the ideal of the lab profile {interpretation.LabProfile.Name} ({ideal.To(unit).Value} {Concentration.SymbolOf(unit)}); an ideal is not a reference range, so no high/low flag is given.")) }];
            }

            AddLabPrinted(observation, measurement);
            elementUrls.TryAdd(symbol, Add("element-" + symbol, observation));
        }

        /// <summary>The range and flag the lab printed, each marked as the lab's (<see cref="LabPrinted"/>), after the profile's.</summary>
        private static void AddLabPrinted(Observation observation, Measurement measurement)
        {
            if (measurement.LabRange is { } printed && (printed.Low is not null || printed.High is not null))
            {
                // The range in its own unit (the lab printed it so), or in the exchange unit when that has no listed UCUM code.
                var range = printed.To(UcumUnits.TryGetCode(printed.Unit, out _) ? printed.Unit : UcumUnits.Exchange);
                observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent
                {
                    Low = range.Low is { } low ? Quantity(low, range.Unit, null) : null,
                    High = range.High is { } high ? Quantity(high, range.Unit, null) : null,
                    Text = LabPrinted.RangeText,
                });
            }

            if (!string.IsNullOrWhiteSpace(measurement.LabFlag))
            {
                observation.Interpretation.Add(new CodeableConcept { Text = LabPrinted.FlagPrefix + measurement.LabFlag });
            }
        }
    }
}
