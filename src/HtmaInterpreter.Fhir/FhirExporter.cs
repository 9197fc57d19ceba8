using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Fhir;

/// <summary>
/// Writes an <see cref="Interpretation"/> as a FHIR R4 <see cref="Bundle"/> of type collection: a DiagnosticReport,
/// the hair Specimen, an optional Patient, and one Observation per element, ratio, the oxidation type and every
/// finding (see this project's README for the coding of each).
/// </summary>
public static partial class FhirExporter
{
    private const string ReportCodeText = "Hair tissue mineral analysis";

    /// <summary>The interpretation as a FHIR R4 collection bundle.</summary>
    /// <param name="interpretation">The interpretation to export.</param>
    /// <param name="options">Subject and performer references; <see cref="FhirExportOptions.Default"/> when null.</param>
    /// <returns>A new bundle; its entries' full URLs are <c>urn:uuid:</c> values derived from the sample id, so the same interpretation exports the same bundle.</returns>
    public static Bundle ToBundle(Interpretation interpretation, FhirExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        return new BundleBuilder(interpretation, options ?? FhirExportOptions.Default, null).Build();
    }

    /// <summary>
    /// Several interpretations as one FHIR R4 collection bundle: each one's DiagnosticReport with its own Specimen,
    /// Patient and Observations, in order (the FHIR reader reads each report back as one panel). With more than one,
    /// the entries' full URLs are derived from the panel's position as well as its sample id, so two panels with one
    /// sample id never share an entry; one interpretation gives the bundle <see cref="ToBundle(Interpretation, FhirExportOptions?)"/> gives.
    /// </summary>
    /// <param name="interpretations">The interpretations to export; none gives an empty collection bundle.</param>
    /// <param name="options">Subject and performer references, applied to every panel; <see cref="FhirExportOptions.Default"/> when null.</param>
    /// <returns>A new bundle; the same interpretations in the same order export the same bundle.</returns>
    public static Bundle ToBundle(IReadOnlyList<Interpretation> interpretations, FhirExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
        if (interpretations.Count == 1)
        {
            return ToBundle(interpretations[0], options);
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        for (var i = 0; i < interpretations.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(interpretations[i], nameof(interpretations));
            bundle.Entry.AddRange(new BundleBuilder(interpretations[i], options ?? FhirExportOptions.Default, i + 1).Build().Entry);
        }

        return bundle;
    }

    /// <summary>The interpretation as FHIR R4 JSON (a collection bundle).</summary>
    /// <param name="interpretation">The interpretation to export.</param>
    /// <param name="options">Subject and performer references; <see cref="FhirExportOptions.Default"/> when null.</param>
    /// <param name="pretty">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(Interpretation interpretation, FhirExportOptions? options = null, bool pretty = true) =>
        JsonSerializer.Serialize(ToBundle(interpretation, options), pretty ? FhirJson.Pretty : FhirJson.Compact);

    /// <summary>Several interpretations as FHIR R4 JSON: the collection bundle <see cref="ToBundle(IReadOnlyList{Interpretation}, FhirExportOptions?)"/> gives.</summary>
    /// <param name="interpretations">The interpretations to export.</param>
    /// <param name="options">Subject and performer references, applied to every panel; <see cref="FhirExportOptions.Default"/> when null.</param>
    /// <param name="pretty">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IReadOnlyList<Interpretation> interpretations, FhirExportOptions? options = null, bool pretty = true) =>
        JsonSerializer.Serialize(ToBundle(interpretations, options), pretty ? FhirJson.Pretty : FhirJson.Compact);

    /// <summary>One interpretation's entries; <paramref name="panelNumber"/> (1-based) is its place in a bundle of several, null alone.</summary>
    private sealed partial class BundleBuilder(Interpretation interpretation, FhirExportOptions options, int? panelNumber)
    {
        private readonly Bundle bundle = new() { Type = Bundle.BundleType.Collection };
        private readonly Dictionary<string, string> elementUrls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> ratioUrls = new(StringComparer.Ordinal);
        private readonly List<ResourceReference> results = [];
        private string? oxidationUrl;
        private ResourceReference? subject;
        private ResourceReference? performer;
        private string specimenUrl = "";
        private FhirDateTime? effective;
        private CodeableConcept method = new();

        private Panel Panel => interpretation.Panel;

        public Bundle Build()
        {
            bundle.Identifier = new Identifier { Value = Panel.SampleId };
            effective = Panel.CollectedOn is { } date ? new FhirDateTime(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
            method = new CodeableConcept
            {
                Text = string.Create(CultureInfo.InvariantCulture,
                    $"HtmaInterpreter {interpretation.LibraryVersion}; oxidation model {interpretation.ModelName} ({interpretation.Oxidation.ModelId}); lab profile {interpretation.LabProfile.Name} ({interpretation.LabProfile.Id}); rule set {interpretation.RuleSetName} version {interpretation.RuleSetVersion}"),
            };
            subject = options.Subject ?? AddPatient();
            performer = options.Performer ?? (string.IsNullOrWhiteSpace(Panel.Lab) ? null : new ResourceReference { Display = Panel.Lab });
            specimenUrl = AddSpecimen();
            AddAge();
            foreach (var element in interpretation.Elements)
            {
                AddElement(element);
            }

            foreach (var ratio in interpretation.Ratios)
            {
                AddRatio(ratio);
            }

            AddOxidation();
            foreach (var finding in interpretation.Findings)
            {
                AddFinding(finding);
            }

            var report = new DiagnosticReport
            {
                Status = DiagnosticReport.DiagnosticReportStatus.Final,
                Identifier = [new Identifier { Value = Panel.SampleId }],
                Category = [new CodeableConcept(FhirSystems.DiagnosticServiceSection, "LAB", "Laboratory")],
                Code = new CodeableConcept { Text = ReportCodeText },
                Subject = Copy(subject),
                Effective = Copy(effective),
                Performer = performer is null ? [] : [Copy(performer)!],
                Specimen = [new ResourceReference(specimenUrl)],
                Result = results,
                Conclusion = Conclusion(),
            };
            if (options.IncludeHtmlReport)
            {
                report.PresentedForm =
                [
                    new Attachment
                    {
                        ContentType = "text/html",
                        Language = "en",
                        Title = "Hair tissue mineral analysis report",
                        Data = Encoding.UTF8.GetBytes(ReportRenderer.Render(interpretation, ReportFormat.Html)),
                    },
                ];
            }

            bundle.Entry.Insert(0, new Bundle.EntryComponent { FullUrl = Url("report"), Resource = report });
            return bundle;
        }

        private string Conclusion()
        {
            // What a receiving system shows first is what needs acting on: referrals, then problems with the values,
            // before the oxidation type; a worrying panel never opens with a neutral line.
            var oxidation = interpretation.Oxidation;
            var text = new StringBuilder();
            var referrals = interpretation.Referrals.ToList();
            if (referrals.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"For a physician: {string.Join("; ", referrals.Select(f => f.Title))}. ");
            }

            var problems = interpretation.Diagnostics.Count(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning);
            if (problems > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{problems} problem(s) with the panel's values; see the report. ");
            }

            text.Append(CultureInfo.InvariantCulture, $"Oxidation type: {OxidationWord(oxidation.Type)}");
            if (oxidation.Degree != OxidationDegree.None)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({OxidationResult.WordFor(oxidation.Degree)})");
            }

            if (oxidation.Lean is { } lean)
            {
                text.Append(CultureInfo.InvariantCulture, $", leaning {OxidationWord(lean)}");
            }

            text.Append(CultureInfo.InvariantCulture, $", by the {interpretation.ModelName} model; lab profile {interpretation.LabProfile.Name}; rule set {interpretation.RuleSetName} {interpretation.RuleSetVersion}. ");
            text.Append(CultureInfo.InvariantCulture, $"{interpretation.Findings.Count} finding(s), {referrals.Count} for a physician. ");
            text.Append(Interpretation.NotADiagnosis);
            return text.ToString();
        }

        private ResourceReference? AddPatient()
        {
            if (Panel.SubjectId is null && Panel.Sex == Sex.Unknown)
            {
                return null;
            }

            var patient = new Patient
            {
                Gender = Panel.Sex switch
                {
                    Sex.Female => AdministrativeGender.Female,
                    Sex.Male => AdministrativeGender.Male,
                    _ => null,
                },
            };
            if (Panel.SubjectId is { } id)
            {
                patient.Identifier = [new Identifier { Value = id }];
            }

            var url = Url("patient");
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = patient });
            return new ResourceReference(url);
        }

        private string AddSpecimen()
        {
            var specimen = new Specimen
            {
                AccessionIdentifier = new Identifier { Value = Panel.SampleId },
                Type = new CodeableConcept { Text = "Hair" },
                Subject = Copy(subject),
            };
            if (effective is not null)
            {
                specimen.Collection = new Specimen.CollectionComponent { Collected = Copy(effective) };
            }

            if (Panel.Treatment != SampleTreatment.Unknown)
            {
                specimen.Processing = [new Specimen.ProcessingComponent { Description = Panel.Treatment == SampleTreatment.Washed ? "washed" : "unwashed" }];
            }

            var url = Url("specimen");
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = specimen });
            return url;
        }

        private void AddAge()
        {
            if (Panel.AgeYears is not { } age)
            {
                return;
            }

            var observation = NewObservation(new CodeableConcept(FhirSystems.Observation, "age", "Age at sample collection", "Age at sample collection"), derived: false);
            observation.Value = new Quantity { Value = age, Unit = "years", System = FhirSystems.Ucum, Code = "a" };
            Add("age", observation);
        }

        private void AddRatio(RatioValue ratio)
        {
            var observation = NewObservation(new CodeableConcept(FhirSystems.Ratio, ratio.Name, ratio.DisplayName ?? ratio.Name, ratio.DisplayName ?? ratio.Name), derived: true);
            if (ToDecimal(ratio.Value) is { } value)
            {
                observation.Value = new Quantity { Value = value, System = FhirSystems.Ucum, Code = "1", Unit = "ratio" };
            }
            else
            {
                observation.DataAbsentReason = new CodeableConcept { Text = "The ratio is too large to write as a decimal number" };
            }

            // An ideal is not a reference range (a receiving system would flag against it): it travels as a note, as for elements.
            if (IdealText(ratio) is { } ideal)
            {
                observation.Note.Add(new Annotation { Text = new Markdown("Ideal: " + ideal) });
            }

            if (ratio.Band is { } band)
            {
                observation.Note.Add(new Annotation { Text = new Markdown("Band: " + band) });
            }

            observation.DerivedFrom = [.. new[] { ratio.Numerator, ratio.Denominator }
                .Where(elementUrls.ContainsKey).Select(symbol => new ResourceReference(elementUrls[symbol]))];
            ratioUrls.TryAdd(ratio.Name, Add("ratio-" + ratio.Name, observation));
        }

        private static string? IdealText(RatioValue ratio)
        {
            var tradition = ratio.Tradition is null ? "" : $" ({ratio.Tradition})";
            if (ratio.Ideal is { } ideal)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Ideal {ideal:0.####}{tradition}");
            }

            return ratio.IdealLow is not null || ratio.IdealHigh is not null ? "Ideal range" + tradition : null;
        }

        private void AddOxidation()
        {
            var oxidation = interpretation.Oxidation;
            var word = OxidationWord(oxidation.Type);
            var observation = NewObservation(new CodeableConcept(FhirSystems.Observation, "oxidation-type", "Oxidation type", "Oxidation type"), derived: true);
            observation.Value = new CodeableConcept(FhirSystems.OxidationType, word, word, word);
            var notes = new List<string>();
            if (oxidation.Degree != OxidationDegree.None)
            {
                notes.Add("Degree: " + OxidationResult.WordFor(oxidation.Degree));
            }

            if (oxidation.Lean is { } lean)
            {
                notes.Add("Leaning " + OxidationWord(lean));
            }

            if (oxidation.FourLows)
            {
                notes.Add("Four lows pattern");
            }

            notes.AddRange(oxidation.DecidingRatios.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Ratio} {d.Value:0.####} against {d.Threshold:0.####} indicates {OxidationWord(d.Indicates)}")));
            notes.AddRange(oxidation.Notes);
            observation.Note = [.. notes.Select(n => new Annotation { Text = new Markdown(n) })];
            observation.DerivedFrom = [.. oxidation.DecidingRatios.Select(d => d.Ratio).Distinct(StringComparer.Ordinal)
                .Where(ratioUrls.ContainsKey).Select(name => new ResourceReference(ratioUrls[name]))];
            oxidationUrl = Add("oxidation", observation);
        }

        private void AddFinding(Finding finding)
        {
            var key = finding.Subject is null ? finding.RuleId : finding.RuleId + "-" + finding.Subject;
            var observation = NewObservation(new CodeableConcept(FhirSystems.Rule, finding.RuleId, finding.Title, finding.Title), derived: true);
            observation.Value = new FhirString(finding.Explanation);
            var severity = finding.Severity.ToString().ToLowerInvariant();
            observation.Component =
            [
                new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(FhirSystems.Observation, "severity", "Finding severity", "Finding severity"),
                    Value = new CodeableConcept(FhirSystems.Severity, severity, severity, severity),
                },
                new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(FhirSystems.Observation, "referral", "For a physician", "For a physician"),
                    Value = new FhirBoolean(finding.IsReferral),
                },
            ];
            var notes = new List<string> { "Category: " + finding.Category, "Source: " + finding.Source };
            if (finding.Subject is { } findingSubject)
            {
                notes.Add("About: " + findingSubject);
            }

            notes.AddRange(finding.Suggestions.Select(s => "Suggestion: " + s));
            observation.Note = [.. notes.Select(n => new Annotation { Text = new Markdown(n) })];
            var derived = new List<string>();
            foreach (var evidence in finding.Evidence)
            {
                var url = evidence.Kind switch
                {
                    EvidenceKind.Element => elementUrls.GetValueOrDefault(evidence.Name),
                    EvidenceKind.Ratio => ratioUrls.GetValueOrDefault(evidence.Name),
                    EvidenceKind.Oxidation => oxidationUrl,
                    _ => null,
                };
                if (url is not null && !derived.Contains(url))
                {
                    derived.Add(url);
                }
            }

            observation.DerivedFrom = [.. derived.Select(url => new ResourceReference(url))];
            Add("finding-" + key, observation);
        }

        /// <summary>
        /// A new Observation. What the lab reported (element values, age) carries the lab as performer and the category
        /// laboratory; what this library worked out (<paramref name="derived"/>: ratios, oxidation type, findings) carries
        /// instead the method (library, model, lab profile, rule set), and neither the lab nor that category.
        /// </summary>
        private Observation NewObservation(CodeableConcept code, bool derived) => new()
        {
            Status = ObservationStatus.Final,
            Category = derived ? [] : [new CodeableConcept(FhirSystems.ObservationCategory, "laboratory", "Laboratory")],
            Code = code,
            Subject = Copy(subject),
            Effective = Copy(effective),
            Performer = derived || performer is null ? [] : [Copy(performer)!],
            Method = derived ? Copy(method) : null,
        };

        private static T? Copy<T>(T? value)
            where T : Base => (T?)value?.DeepCopy();

        private string Add(string key, Resource resource)
        {
            var url = Url(key);
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = resource });
            if (resource is Observation)
            {
                results.Add(new ResourceReference(url));
            }

            return url;
        }

        private string Url(string key)
        {
            // A name-based id: the same sample and key always give the same urn:uuid (RFC 4122 layout, version 8 bits).
            // In a bundle of several panels the position comes first (two panels may share a sample id; the sample
            // id's length keeps "position, id, key" unambiguous).
            var name = panelNumber is { } number
                ? string.Create(CultureInfo.InvariantCulture, $"panel {number}\n{Panel.SampleId.Length}\n{Panel.SampleId}\n{key}")
                : Panel.SampleId + "\n" + key;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
        }

        private static Quantity Quantity(decimal value, ConcentrationUnit unit, Quantity.QuantityComparator? comparator) => new()
        {
            Value = value,
            Comparator = comparator,
            Unit = Concentration.SymbolOf(unit),
            System = FhirSystems.Ucum,
            Code = UcumUnits.TryGetCode(unit, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(unit), unit, "Only a unit with a listed UCUM code is written."),
        };

        /// <summary>A double as a decimal rounded to 6 places, or null when it has none (not finite, or beyond ±10^15).</summary>
        private static decimal? ToDecimal(double? value) =>
            value is { } v && double.IsFinite(v) && Math.Abs(v) < 1e15 ? Math.Round((decimal)v, 6) : null;

        private static string OxidationWord(OxidationType type) => OxidationResult.WordFor(type);
    }
}
