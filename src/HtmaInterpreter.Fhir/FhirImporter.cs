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
public static partial class FhirImporter
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
    private sealed partial class Reader(string fileName, List<Diagnostic> diagnostics)
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
                var subject = Subject(report.Subject, patient, byReference);
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
                var subject = Subject(group.Select(o => o.Observation.Subject).FirstOrDefault(s => s is not null), patient, byReference);
                var date = group.Select(o => DateOf(o.Observation.Effective)).FirstOrDefault(d => d is not null);
                if (BuildPanel(group, sampleId, date, lab, subject, specimen, byReference) is { } panel)
                {
                    panels.Add(panel);
                }
            }

            return panels;
        }

        private string FileStem => Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } name ? name : "fhir";

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
    }
}
