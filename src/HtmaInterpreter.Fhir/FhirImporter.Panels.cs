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
    /// <summary>One panel: its measurements, age, patient and specimen fields.</summary>
    private sealed partial class Reader
    {
        private Panel? BuildPanel(
            List<(Observation Observation, string Path)> observations,
            string? sampleId,
            DateOnly? date,
            string? lab,
            (Patient? Patient, string? Id) subject,
            Specimen? specimen,
            Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            var patient = subject.Patient;
            var measurements = new List<Measurement>();
            int? age = null;
            foreach (var (observation, path) in observations)
            {
                if (IsProjectCode(observation.Code, out var code))
                {
                    if (code == "age")
                    {
                        age = ReadAge(observation, path) ?? age;
                    }
                    else if (!derivedSkipped)
                    {
                        derivedSkipped = true;
                        diagnostics.Add(Diagnostic.Info(FhirDiagnosticCodes.DerivedObservationsSkipped,
                            "The ratios, oxidation type and findings in the file are not read: they are computed again from the element values.",
                            Location(path)));
                    }

                    continue;
                }

                if (TryReadMeasurement(observation, path, byReference) is { } measurement)
                {
                    if (measurements.Any(m => m.Element == measurement.Element))
                    {
                        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateElement,
                            $"{measurement.Element!.Name} is reported twice in one report; the second value is not read.", Location(path)));
                        continue;
                    }

                    measurements.Add(measurement);
                }
            }

            if (measurements.Count == 0)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(sampleId))
            {
                sampleId = FileStem;
                diagnostics.Add(Diagnostic.Info(DiagnosticCodes.SampleIdFromFileName,
                    "The FHIR report gives no identifier, so the file name is used as the sample id.", new SourceLocation(fileName)));
            }

            var treatment = specimen?.Processing.Select(p => p.Description?.Trim().ToLowerInvariant()).FirstOrDefault(d => d is "washed" or "unwashed") switch
            {
                "washed" => SampleTreatment.Washed,
                "unwashed" => SampleTreatment.Unwashed,
                _ => SampleTreatment.Unknown,
            };
            return new Panel(sampleId, measurements)
            {
                CollectedOn = date,
                Lab = lab,
                SubjectId = patient?.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value))?.Value ?? patient?.Id ?? subject.Id,
                Sex = Safely(() => patient?.Gender) switch
                {
                    AdministrativeGender.Female => Sex.Female,
                    AdministrativeGender.Male => Sex.Male,
                    _ => Sex.Unknown,
                },
                AgeYears = age,
                Treatment = treatment,
                Source = new SourceLocation(fileName),
            };
        }

        /// <summary>
        /// The age an age Observation gives, or null: a value that is not a whole number of years from 0 to
        /// <see cref="Panel.MaxAgeYears"/> gets the diagnostic the core's readers give for such an age field
        /// (<see cref="DiagnosticCodes.InvalidMetadataValue"/>, a warning) and is not used.
        /// </summary>
        private int? ReadAge(Observation observation, string path)
        {
            var years = Safely(() => observation.Value is Quantity { Value: { } value } ? value : (decimal?)null);
            if (years is not { } y)
            {
                return null;
            }

            if (decimal.IsInteger(y) && y >= 0 && y <= Panel.MaxAgeYears)
            {
                return (int)y;
            }

            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidMetadataValue,
                string.Create(CultureInfo.InvariantCulture, $"The age '{y}' cannot be read; expected a whole number of years (0 to {Panel.MaxAgeYears}). It is not used."),
                Location(path + ".valueQuantity.value")));
            return null;
        }

        private static bool IsProjectCode(CodeableConcept? concept, out string? code)
        {
            var coding = concept?.Coding.FirstOrDefault(c => c.System is { } system && system.StartsWith(FhirSystems.ProjectBase, StringComparison.Ordinal));
            code = coding?.Code;
            return coding is not null;
        }
    }
}
