using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Turns YAML or JSON documents into panels. A document is one panel object, a list of them, or an object with a
/// <c>panels</c> list. Field locations name the path, e.g. <c>measurements[3].value</c>.
/// </summary>
internal sealed class DocumentPanelBuilder
{
    private static readonly string[] MeasurementFields = ["element", "value", "unit", "reference_low", "reference_high", "flag"];

    private readonly ElementCatalog _catalog;
    private readonly string? _file;
    private readonly List<Diagnostic> _diagnostics;

    public DocumentPanelBuilder(ElementCatalog catalog, string? file, List<Diagnostic> diagnostics)
    {
        _catalog = catalog;
        _file = file;
        _diagnostics = diagnostics;
    }

    private readonly SampleIds _sampleIds = new();

    public List<Panel> Build(IReadOnlyList<DocumentNode> documents)
    {
        var panels = new List<Panel>();
        foreach (var document in documents)
        {
            switch (document)
            {
                case DocumentMap map when IsPanelsWrapper(map):
                    var entries = Distinct(map, "");
                    var list = entries.First(e => e.Key.Equals("panels", StringComparison.OrdinalIgnoreCase));
                    if (list.Value is DocumentList items)
                    {
                        AddAll(items, "panels", panels);
                    }
                    else
                    {
                        Unexpected(list.Value, "panels", "a list of panels");
                    }

                    foreach (var other in entries.Where(e => !e.Key.Equals("panels", StringComparison.OrdinalIgnoreCase)))
                    {
                        _diagnostics.Add(Diagnostic.Warning(
                            DiagnosticCodes.UnknownField,
                            $"The field '{other.Key}' next to 'panels' is not used.",
                            At(other.Line, other.Column, other.Key)));
                    }

                    break;
                case DocumentMap map:
                    panels.Add(BuildPanel(map, ""));
                    break;
                case DocumentList panelList:
                    AddAll(panelList, "", panels);
                    break;
                case DocumentScalar { Text: null or "" }:
                    break;
                case DocumentRejected:
                    break;
                default:
                    Unexpected(document, "", "a panel (sample_id, measurements, ...) or a list of panels");
                    break;
            }
        }

        if (panels.Count == 0 && !_diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            _diagnostics.Add(documents.Count == 0 || documents.All(d => d is DocumentScalar { Text: null or "" })
                ? Diagnostic.Error(DiagnosticCodes.EmptyInput, "The file is empty: it holds no panel.", At(1, 1, null))
                : Diagnostic.Warning(DiagnosticCodes.NoPanels, "The file holds no panel.", At(documents[0].Line, documents[0].Column, null)));
        }

        return panels;
    }

    private static bool IsPanelsWrapper(DocumentMap map) =>
        map.Entries.Any(e => e.Key.Equals("panels", StringComparison.OrdinalIgnoreCase))
        && !map.Entries.Any(e => e.Key.Equals("measurements", StringComparison.OrdinalIgnoreCase)
                                 || e.Key.Equals("sample_id", StringComparison.OrdinalIgnoreCase));

    private void AddAll(DocumentList list, string path, List<Panel> panels)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (list.Items[i] is DocumentMap map)
            {
                panels.Add(BuildPanel(map, itemPath));
            }
            else
            {
                Unexpected(list.Items[i], itemPath, "a panel (sample_id, measurements, ...)");
            }
        }
    }

    private Panel BuildPanel(DocumentMap map, string path)
    {
        var assembler = new PanelAssembler(_catalog, _diagnostics, decimalComma: false);
        DocumentEntry? measurements = null;
        foreach (var entry in Distinct(map, path))
        {
            var fieldPath = Join(path, entry.Key);
            if (entry.Key.Equals("measurements", StringComparison.OrdinalIgnoreCase))
            {
                measurements = entry;
                continue;
            }

            if (Scalar(entry.Value, fieldPath, "a single value") is { } text)
            {
                assembler.SetField(entry.Key, text);
            }
        }

        // Measurements are read after the metadata so that the default 'unit' applies wherever it is written.
        if (measurements is not null)
        {
            var measurementsPath = Join(path, measurements.Key);
            if (measurements.Value is DocumentList list)
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{measurementsPath}[{i}]");
                    if (list.Items[i] is DocumentMap item)
                    {
                        AddMeasurement(assembler, item, itemPath);
                    }
                    else
                    {
                        Unexpected(list.Items[i], itemPath, "a measurement such as { element: Ca, value: 73 }");
                    }
                }
            }
            else if (measurements.Value is not DocumentScalar { Text: null })
            {
                Unexpected(measurements.Value, measurementsPath, "a list of measurements");
            }
        }
        else
        {
            _diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.MissingRequiredField,
                "The panel has no 'measurements' list; it holds no values.",
                At(map.Line, map.Column, Join(path, "measurements"))));
        }

        var fallback = Path.GetFileNameWithoutExtension(_file ?? "") is { Length: > 0 } name ? name : "panel";
        if (path.Length > 0)
        {
            fallback += path;
        }

        var panel = assembler.Build(fallback, At(map.Line, map.Column, path.Length > 0 ? path : null), sampleIdRequired: true);
        if (assembler.SampleId is { } id)
        {
            _sampleIds.Check(id.Text!, id.Location, _diagnostics);
        }

        return panel;
    }

    private void AddMeasurement(PanelAssembler assembler, DocumentMap item, string path)
    {
        var fields = new Dictionary<string, FieldText>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Distinct(item, path))
        {
            var fieldPath = Join(path, entry.Key);
            if (!MeasurementFields.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
            {
                _diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnknownField,
                    $"The measurement field '{entry.Key}' is not one the reader knows; it is not used. " +
                    $"Known fields: {string.Join(", ", MeasurementFields)}.",
                    At(entry.Line, entry.Column, fieldPath)));
                continue;
            }

            if (Scalar(entry.Value, fieldPath, "a single value") is { } text)
            {
                fields[entry.Key] = text;
            }
        }

        var elementField = fields.TryGetValue("element", out var element)
            ? element
            : new FieldText(null, At(item.Line, item.Column, Join(path, "element")));
        var valueField = fields.TryGetValue("value", out var value)
            ? value
            : new FieldText(null, At(item.Line, item.Column, Join(path, "value")));
        FieldText? Optional(string key) => fields.TryGetValue(key, out var field) ? field : null;

        assembler.AddMeasurement(new MeasurementInput(
            elementField,
            valueField,
            Optional("unit") ?? new FieldText(null, At(item.Line, item.Column, Join(path, "unit"))),
            Optional("reference_low"),
            Optional("reference_high"),
            Optional("flag")));
    }

    private FieldText? Scalar(DocumentNode node, string path, string expected)
    {
        switch (node)
        {
            case DocumentScalar scalar:
                return new FieldText(scalar.Text, At(scalar.Line, scalar.Column, path));
            case DocumentRejected:
                return null;
            default:
                Unexpected(node, path, expected);
                return null;
        }
    }

    private List<DocumentEntry> Distinct(DocumentMap map, string path)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<DocumentEntry>();
        foreach (var entry in map.Entries)
        {
            if (seen.Add(entry.Key))
            {
                entries.Add(entry);
            }
            else
            {
                _diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.DuplicateField,
                    $"The key '{entry.Key}' appears twice in the same object; the first is used.",
                    At(entry.Line, entry.Column, Join(path, entry.Key))));
            }
        }

        return entries;
    }

    private void Unexpected(DocumentNode node, string path, string expected)
    {
        if (node is DocumentRejected)
        {
            return;
        }

        var found = node switch
        {
            DocumentMap => "an object",
            DocumentList => "a list",
            _ => "a single value",
        };
        _diagnostics.Add(Diagnostic.Error(
            DiagnosticCodes.UnexpectedStructure,
            $"Expected {expected} here, found {found}; it is not used.",
            At(node.Line, node.Column, path.Length > 0 ? path : null)));
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private SourceLocation At(int line, int column, string? field) => new(_file, line, column, field);
}
