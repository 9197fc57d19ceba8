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

/// <summary>
/// Reads hair-mineral panels from FHIR R4 JSON: a Bundle (collection, searchset, transaction, ...) holding
/// DiagnosticReports and Observations, a single Observation, or a JSON array of Observations. Each DiagnosticReport
/// becomes a panel of its result Observations; Observations no report names make one more panel. Nothing throws on
/// the input's content: every problem is a <see cref="Diagnostic"/> located by its JSON path
/// (e.g. <c>Bundle.entry[3].resource.valueQuantity.code</c>), and an Observation that cannot be read is reported,
/// never dropped silently. Inputs larger than <see cref="InputLimits.MaxDocumentBytes"/> are not read.
/// </summary>
public static class FhirImporter
{
    private const string DefaultFileName = "fhir.json";

    /// <summary>Reads FHIR R4 JSON from a stream (UTF-8), at most <see cref="InputLimits.MaxDocumentBytes"/> bytes.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="fileName">The name diagnostics give as the file; also the sample id of a panel that has none.</param>
    /// <returns>The panels and every diagnostic.</returns>
    public static ParseResult<IReadOnlyList<Panel>> Read(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        fileName ??= DefaultFileName;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > InputLimits.MaxDocumentBytes)
                {
                    return Failed(TooLarge(fileName));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            return Failed(Diagnostic.Error(DiagnosticCodes.FileNotReadable, "The FHIR file could not be read.", new SourceLocation(fileName)));
        }

        return ReadUtf8(buffer.ToArray(), fileName);
    }

    /// <summary>Reads FHIR R4 JSON from a text, at most <see cref="InputLimits.MaxDocumentBytes"/> bytes as UTF-8.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="fileName">The name diagnostics give as the file; also the sample id of a panel that has none.</param>
    /// <returns>The panels and every diagnostic.</returns>
    public static ParseResult<IReadOnlyList<Panel>> ReadText(string json, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        fileName ??= DefaultFileName;
        return json.Length > InputLimits.MaxDocumentBytes || Encoding.UTF8.GetByteCount(json) > InputLimits.MaxDocumentBytes
            ? Failed(TooLarge(fileName))
            : ReadUtf8(Encoding.UTF8.GetBytes(json), fileName);
    }

    /// <summary>Reads a FHIR R4 JSON file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The panels and every diagnostic; a missing or unreadable file is a diagnostic.</returns>
    public static ParseResult<IReadOnlyList<Panel>> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(Diagnostic.Error(DiagnosticCodes.FileNotReadable, "The FHIR file could not be opened.", new SourceLocation(Path.GetFileName(path))));
        }
    }

    private static ParseResult<IReadOnlyList<Panel>> Failed(Diagnostic diagnostic) => new([], [diagnostic]);

    private static Diagnostic TooLarge(string fileName) => Diagnostic.Error(
        DiagnosticCodes.InputTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The FHIR file is larger than {InputLimits.MaxDocumentBytes / (1024 * 1024)} MiB and is not read."),
        new SourceLocation(fileName));

    private static ParseResult<IReadOnlyList<Panel>> ReadUtf8(byte[] utf8, string fileName)
    {
        var diagnostics = new List<Diagnostic>();
        var span = utf8.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var start = span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return Failed(Diagnostic.Error(DiagnosticCodes.EmptyInput, "The FHIR file is empty.", new SourceLocation(fileName)));
        }

        var reader = new Reader(fileName, diagnostics);
        if (span[start] == (byte)'[')
        {
            reader.ReadArray(span);
        }
        else if (Deserialize(span, fileName, "", diagnostics) is { } resource)
        {
            reader.ReadResource(resource);
        }

        var panels = reader.Finish();
        if (panels.Count == 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoPanels, "The FHIR file holds no hair-mineral Observation.", new SourceLocation(fileName)));
        }

        return new ParseResult<IReadOnlyList<Panel>>(panels, diagnostics);
    }

    private static Resource? Deserialize(ReadOnlySpan<byte> utf8, string fileName, string pathPrefix, List<Diagnostic> diagnostics)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            return JsonSerializer.Deserialize<Resource>(ref reader, FhirJson.Compact);
        }
        catch (DeserializationFailedException e)
        {
            foreach (var issue in e.Exceptions.Take(100))
            {
                var path = issue is ExtendedCodedException extended ? extended.InstancePath : null;
                var line = issue is ExtendedCodedException withLine ? (int?)withLine.LineNumber : null;
                var column = issue is ExtendedCodedException withColumn ? (int?)withColumn.Position : null;
                diagnostics.Add(Diagnostic.Error(
                    FhirDiagnosticCodes.InvalidJson,
                    $"This is not valid FHIR R4 JSON here (Firely {issue.ErrorCode}); the value is left out.",
                    new SourceLocation(fileName, line, column, Join(pathPrefix, path))));
            }

            return e.PartialResult as Resource;
        }
        catch (JsonException e)
        {
            diagnostics.Add(Diagnostic.Error(
                FhirDiagnosticCodes.InvalidJson,
                "The file is not valid JSON here (a bracket, quote or comma is missing or extra, or the text ends early).",
                new SourceLocation(fileName, (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1), Join(pathPrefix, e.Path))));
            return null;
        }
        catch (FormatException)
        {
            diagnostics.Add(Diagnostic.Error(FhirDiagnosticCodes.InvalidJson, "The file is not FHIR R4 JSON (no recognisable resourceType).", new SourceLocation(fileName, Field: pathPrefix.Length == 0 ? null : pathPrefix)));
            return null;
        }
    }

    private static string? Join(string prefix, string? path) =>
        string.IsNullOrEmpty(path) ? (prefix.Length == 0 ? null : prefix) : prefix.Length == 0 ? path : prefix + "." + path;

    /// <summary>Gathers the resources of one document and turns them into panels.</summary>
    private sealed class Reader(string fileName, List<Diagnostic> diagnostics)
    {
        private readonly List<(Resource Resource, string Path, string? FullUrl)> resources = [];
        private bool derivedSkipped;

        public void ReadArray(ReadOnlySpan<byte> utf8)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                diagnostics.Add(Diagnostic.Error(
                    FhirDiagnosticCodes.InvalidJson,
                    "The file is not valid JSON here (a bracket, quote or comma is missing or extra, or the text ends early).",
                    new SourceLocation(fileName, (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1))));
                return;
            }

            using (document)
            {
                var index = 0;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"[{index++}]");
                    if (Deserialize(Encoding.UTF8.GetBytes(item.GetRawText()), fileName, path, diagnostics) is { } resource)
                    {
                        Add(resource, path, null);
                    }
                }
            }
        }

        public void ReadResource(Resource resource)
        {
            if (resource is Bundle bundle)
            {
                for (var i = 0; i < bundle.Entry.Count; i++)
                {
                    if (bundle.Entry[i].Resource is { } entryResource)
                    {
                        Add(entryResource, string.Create(CultureInfo.InvariantCulture, $"Bundle.entry[{i}].resource"), bundle.Entry[i].FullUrl);
                    }
                }
            }
            else
            {
                Add(resource, resource.TypeName, null);
            }
        }

        private void Add(Resource resource, string path, string? fullUrl)
        {
            if (resource is Observation or DiagnosticReport or Patient or Specimen)
            {
                resources.Add((resource, path, fullUrl));
                return;
            }

            if (resource is Bundle)
            {
                diagnostics.Add(Diagnostic.Error(FhirDiagnosticCodes.UnsupportedResource, "A Bundle inside a Bundle or a list is not read.", Location(path)));
                return;
            }

            diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.UnsupportedResource,
                $"A {resource.TypeName} resource is not part of a hair-mineral panel and is not read.", Location(path)));
        }

        private SourceLocation Location(string path) => new(fileName, Field: path);

        public List<Panel> Finish()
        {
            var byReference = new Dictionary<string, (Resource Resource, string Path)>(StringComparer.Ordinal);
            foreach (var (resource, path, fullUrl) in resources)
            {
                if (fullUrl is not null)
                {
                    byReference.TryAdd(fullUrl, (resource, path));
                }

                if (resource.Id is { } id)
                {
                    byReference.TryAdd(resource.TypeName + "/" + id, (resource, path));
                }
            }

            // Only the file's one Patient may stand in for a missing subject: with several, it could be someone else.
            var patients = resources.Select(r => r.Resource).OfType<Patient>().Take(2).ToList();
            var patient = patients.Count == 1 ? patients[0] : null;
            var panels = new List<Panel>();
            var claimed = new HashSet<Observation>(ReferenceEqualityComparer.Instance);
            foreach (var (resource, path, _) in resources)
            {
                if (resource is not DiagnosticReport report)
                {
                    continue;
                }

                var observations = new List<(Observation, string)>();
                for (var i = 0; i < report.Result.Count; i++)
                {
                    var reference = report.Result[i].Reference;
                    if (reference is not null && byReference.TryGetValue(reference, out var target) && target.Resource is Observation observation)
                    {
                        observations.Add((observation, target.Path));
                        claimed.Add(observation);
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.UnresolvedReference,
                            "The report names a result that is not an Observation in this file; it is not read.",
                            Location(string.Create(CultureInfo.InvariantCulture, $"{path}.result[{i}]"))));
                    }
                }

                if (Withdrawn(Safely(() => report.Status?.ToString()), path))
                {
                    continue; // its results are claimed above, so they do not come back as loose Observations
                }

                var specimen = report.Specimen.Select(s => Resolve<Specimen>(s, byReference)).FirstOrDefault(s => s is not null);
                var sampleId = report.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value))?.Value
                    ?? specimen?.AccessionIdentifier?.Value ?? report.Id;
                var date = DateOf(report.Effective) ?? DateOf(specimen?.Collection?.Collected);
                var lab = report.Performer.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Display))?.Display;
                var subject = Resolve<Patient>(report.Subject, byReference) ?? patient;
                if (BuildPanel(observations, sampleId, date, lab, subject, specimen, byReference) is { } panel)
                {
                    panels.Add(panel);
                }
            }

            var loose = resources.Where(r => r.Resource is Observation o && !claimed.Contains(o))
                .Select(r => ((Observation)r.Resource, r.Path)).ToList();
            var groups = GroupLoose(loose, byReference);
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                var first = group[0].Observation;
                var specimen = group.Select(o => o.Observation.Specimen is { } s ? Resolve<Specimen>(s, byReference) : null).FirstOrDefault(s => s is not null);
                var sampleId = specimen?.AccessionIdentifier?.Value;
                if (string.IsNullOrWhiteSpace(sampleId) && groups.Count > 1)
                {
                    // Several panels from one file without identifiers: the file name alone would give them one sample id.
                    sampleId = string.Create(CultureInfo.InvariantCulture, $"{FileStem}-{g + 1}");
                }

                var lab = group.SelectMany(o => o.Observation.Performer).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Display))?.Display;
                var subject = group.Select(o => Resolve<Patient>(o.Observation.Subject, byReference)).FirstOrDefault(p => p is not null) ?? patient;
                var date = group.Select(o => DateOf(o.Observation.Effective)).FirstOrDefault(d => d is not null);
                if (BuildPanel(group, sampleId, date, lab, subject, specimen, byReference) is { } panel)
                {
                    panels.Add(panel);
                }
            }

            return panels;
        }

        private string FileStem => Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } name ? name : "fhir";

        /// <summary>
        /// Observations no report names, one group per subject and effective date (one panel each), in file order. One
        /// that names no subject or no date joins the group it can only belong to; when the others belong to more than one
        /// person or date it cannot be placed, and is reported instead of being read into someone else's panel.
        /// </summary>
        private List<List<(Observation Observation, string Path)>> GroupLoose(
            List<(Observation Observation, string Path)> loose,
            Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            var keyed = loose.Select(o => (Item: o, Subject: SubjectKey(o.Observation.Subject, byReference), Date: DateOf(o.Observation.Effective))).ToList();

            // Who and when each Observation could belong with, gathered once (a file may hold many thousands).
            var allSubjects = new HashSet<string>(StringComparer.Ordinal);
            var undatedSubjects = new HashSet<string>(StringComparer.Ordinal);
            var subjectsByDate = new Dictionary<DateOnly, HashSet<string>>();
            var allDates = new HashSet<DateOnly>();
            var unassignedDates = new HashSet<DateOnly>();
            var datesBySubject = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
            foreach (var (_, subject, date) in keyed)
            {
                if (subject is not null)
                {
                    allSubjects.Add(subject);
                    (date is { } d ? Bucket(subjectsByDate, d, () => new HashSet<string>(StringComparer.Ordinal)) : undatedSubjects).Add(subject);
                }

                if (date is { } day)
                {
                    allDates.Add(day);
                    (subject is not null ? Bucket(datesBySubject, subject, () => []) : unassignedDates).Add(day);
                }
            }

            var groups = new List<List<(Observation, string)>>();
            var groupIndex = new Dictionary<(string?, DateOnly?), int>();
            foreach (var (item, subject, date) in keyed)
            {
                // The subjects it could belong with are those of the same date (all, without a date); the dates, those of its subject.
                var subjects = date is { } d ? [.. subjectsByDate.GetValueOrDefault(d) ?? [], .. undatedSubjects] : allSubjects;
                var placedSubject = subject ?? Single(subjects);
                var dates = placedSubject is null ? allDates : [.. datesBySubject.GetValueOrDefault(placedSubject) ?? [], .. unassignedDates];
                var placedDate = date ?? (dates.Count == 1 ? dates.First() : null);
                var missing = subject is null && subjects.Count > 1 ? ("subject", "person") : date is null && dates.Count > 1 ? ("effective date", "date") : default((string, string)?);
                if (missing is { } what)
                {
                    diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.UngroupedObservation,
                        $"This Observation is in no report and names no {what.Item1}, while the file's other such Observations it could belong with are of more than one {what.Item2}; it cannot be placed in a panel and is not read.",
                        Location(item.Path)));
                    continue;
                }

                if (groupIndex.TryGetValue((placedSubject, placedDate), out var index))
                {
                    groups[index].Add(item);
                }
                else
                {
                    groupIndex[(placedSubject, placedDate)] = groups.Count;
                    groups.Add([item]);
                }
            }

            return groups;
        }

        private static TValue Bucket<TKey, TValue>(Dictionary<TKey, TValue> buckets, TKey key, Func<TValue> create)
            where TKey : notnull
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = create();
            }

            return bucket;
        }

        private static string? Single(HashSet<string> values) => values.Count == 1 ? values.First() : null;

        /// <summary>Who an Observation is about: the Patient it resolves to in the file, else its reference, identifier or display as written.</summary>
        private static string? SubjectKey(ResourceReference? subject, Dictionary<string, (Resource Resource, string Path)> byReference)
        {
            if (subject is null)
            {
                return null;
            }

            if (subject.Reference is { } text && byReference.TryGetValue(text, out var target))
            {
                return "resource:" + target.Path;
            }

            return subject.Reference is { Length: > 0 } reference ? "reference:" + reference
                : subject.Identifier?.Value is { Length: > 0 } identifier ? "identifier:" + subject.Identifier.System + "|" + identifier
                : subject.Display is { Length: > 0 } display ? "display:" + display
                : null;
        }

        private static T? Resolve<T>(ResourceReference? reference, Dictionary<string, (Resource Resource, string Path)> byReference)
            where T : Resource =>
            reference?.Reference is { } text && byReference.TryGetValue(text, out var target) ? target.Resource as T : null;

        private static DateOnly? DateOf(DataType? effective)
        {
            var text = effective switch
            {
                FhirDateTime dateTime => dateTime.Value,
                Period period => period.Start,
                _ => null,
            };
            return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }

        private Panel? BuildPanel(
            List<(Observation Observation, string Path)> observations,
            string? sampleId,
            DateOnly? date,
            string? lab,
            Patient? patient,
            Specimen? specimen,
            Dictionary<string, (Resource Resource, string Path)> byReference)
        {
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
                SubjectId = patient?.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value))?.Value ?? patient?.Id,
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

        /// <summary>A value read from the parsed resources, or the default when the JSON held an invalid one there (already reported).</summary>
        private static T? Safely<T>(Func<T?> read)
        {
            try
            {
                return read();
            }
            catch (CodedException)
            {
                return default;
            }
        }

        /// <summary>True, with a warning, for a resource its sender withdrew: such a value must never be read as a result.</summary>
        private bool Withdrawn(string? status, string path)
        {
            if (status is not (nameof(ObservationStatus.EnteredInError) or nameof(ObservationStatus.Cancelled)))
            {
                return false;
            }

            diagnostics.Add(Diagnostic.Warning(FhirDiagnosticCodes.WithdrawnResult,
                $"The sender marked this {(status == nameof(ObservationStatus.Cancelled) ? "cancelled" : "entered in error")}; it is not read.",
                Location(path + ".status")));
            return true;
        }

        private static bool IsProjectCode(CodeableConcept? concept, out string? code)
        {
            var coding = concept?.Coding.FirstOrDefault(c => c.System is { } system && system.StartsWith(FhirSystems.ProjectBase, StringComparison.Ordinal));
            code = coding?.Code;
            return coding is not null;
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
                    return ReadQuantity(quantity, element, path, location);
                case CodeableConcept concept when IsNotDetected(concept):
                    return new Measurement(element.Symbol, element, new Concentration(0m, ConcentrationUnit.MilligramPercent), MeasurementQualifier.NotDetected, source: location.WithField(path + ".valueCodeableConcept"));
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
