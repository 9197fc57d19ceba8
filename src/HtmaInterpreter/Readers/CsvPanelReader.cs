using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>Reads the two CSV layouts: long (one report, a row per element) and wide (a row per sample).</summary>
internal static partial class CsvPanelReader
{
    private static readonly string[] LongColumns = ["element", "value", "unit", "reference_low", "reference_high", "flag"];

    /// <summary>
    /// Splits a wide-CSV column header such as <c>Ca (mg%)</c> or <c>Ca [ppm]</c> into the name and the unit: the unit is
    /// what stands between the header's closing bracket (its last character, or the one before a final line feed) and
    /// the first opening bracket after any earlier closing one, trimmed. It gives what the regular expression
    /// <c>^(?&lt;name&gt;.*?)\s*[\(\[]\s*(?&lt;unit&gt;[^\)\]]+?)\s*[\)\]]$</c> gave, in one pass: that expression backtracked
    /// cubically on a header of spaces and brackets (2 KB took 40 s).
    /// </summary>
    internal static bool TrySplitColumnWithUnit(string header, out string name, out string unit)
    {
        name = unit = "";
        var close = header.Length > 0 && header[^1] == '\n' ? header.Length - 2 : header.Length - 1;
        if (close < 0 || header[close] is not (')' or ']'))
        {
            return false;
        }

        var afterLastClose = header.AsSpan(0, close).LastIndexOfAny(')', ']') + 1;
        var open = header.AsSpan(afterLastClose, close - afterLastClose).IndexOfAny('(', '[');
        if (open < 0 || afterLastClose + open + 1 >= close)
        {
            return false;
        }

        open += afterLastClose;
        var namePart = header.AsSpan(0, open).TrimEnd();
        if (namePart.Contains('\n'))
        {
            return false;
        }

        var inside = header.AsSpan(open + 1, close - open - 1);
        var trimmed = inside.Trim();
        name = namePart.ToString();

        // All blank inside: the expression's unit was its one last character.
        unit = trimmed.IsEmpty ? inside[^1..].ToString() : trimmed.ToString();
        return true;
    }

    /// <summary>Which layout a header describes.</summary>
    internal static PanelFormat? LayoutOf(string[] headers)
    {
        if (headers.Length > 0 && headers[0].Equals("sample_id", StringComparison.OrdinalIgnoreCase))
        {
            return PanelFormat.CsvWide;
        }

        return headers.Any(h => h.Equals("element", StringComparison.OrdinalIgnoreCase)
                                || h.Equals("value", StringComparison.OrdinalIgnoreCase))
            ? PanelFormat.CsvLong
            : null;
    }

    /// <summary>
    /// Reads a CSV input of either layout (or the one forced) into a list of panels; with a <paramref name="decoding"/>,
    /// bytes of the input that were not valid UTF-8 are reported at the end.
    /// </summary>
    public static ParseResult<IReadOnlyList<Panel>> Read(TextReader text, string? file, PanelFormat? forced, ElementCatalog catalog, Utf8Decoding? decoding = null)
    {
        var diagnostics = new List<Diagnostic>();
        using var source = CsvSource.Open(text, file, diagnostics, decoding: decoding);
        if (source is null)
        {
            return new ParseResult<IReadOnlyList<Panel>>([], diagnostics);
        }

        var panels = Read(source, file, forced, catalog, diagnostics).Value;
        decoding?.AddWarning(file, diagnostics);
        return new ParseResult<IReadOnlyList<Panel>>(panels, diagnostics);
    }

    private static ParseResult<IReadOnlyList<Panel>> Read(CsvSource source, string? file, PanelFormat? forced, ElementCatalog catalog, List<Diagnostic> diagnostics)
    {
        var layout = forced ?? LayoutOf(source.Headers);
        switch (layout)
        {
            case PanelFormat.CsvLong:
                var panel = ReadLong(source, file, catalog, diagnostics);
                return new ParseResult<IReadOnlyList<Panel>>(panel is null ? [] : [panel], diagnostics);
            case PanelFormat.CsvWide:
                var panels = new List<Panel>();
                foreach (var item in ReadWide(source, file, catalog))
                {
                    diagnostics.AddRange(item.Diagnostics);
                    if (item.Panel is not null)
                    {
                        panels.Add(item.Panel);
                    }
                }

                return new ParseResult<IReadOnlyList<Panel>>(panels, diagnostics);
            default:
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.MissingRequiredColumn,
                    "The CSV header has neither 'element' and 'value' columns (one report, a row per element) nor " +
                    "'sample_id' as its first column (a row per sample); the file cannot be read.",
                    source.HeaderLocation(0, null)));
                return new ParseResult<IReadOnlyList<Panel>>([], diagnostics);
        }
    }

    /// <summary>Reads the long layout: one panel.</summary>
    internal static Panel? ReadLong(CsvSource source, string? file, ElementCatalog catalog, List<Diagnostic> diagnostics)
    {
        var assembler = new PanelAssembler(catalog, diagnostics, source.DecimalComma);
        foreach (var line in source.Metadata)
        {
            assembler.SetField(line.Key, line.Value);
        }

        var index = LongColumns.ToDictionary(c => c, c => Array.FindIndex(source.Headers, h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        var repeated = new List<(int Index, int First, string Column)>();
        for (var i = 0; i < source.Headers.Length; i++)
        {
            if (index.TryGetValue(source.Headers[i].ToLowerInvariant(), out var first) && first != i)
            {
                repeated.Add((i, first, source.Headers[i].ToLowerInvariant()));
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.DuplicateField,
                    string.Create(CultureInfo.InvariantCulture,
                        $"The column '{source.Headers[i]}' appears twice in the header; column {first + 1} is the one used. ") +
                    "A row whose value here differs from it is reported.",
                    source.HeaderLocation(i, source.Headers[i])));
            }
            else if (!LongColumns.Contains(source.Headers[i], StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnknownField,
                    $"The column '{source.Headers[i]}' is not one the reader knows; it is not used. " +
                    $"Known columns: {string.Join(", ", LongColumns)}.",
                    source.HeaderLocation(i, source.Headers[i])));
            }
        }

        foreach (var required in new[] { "element", "value" })
        {
            if (index[required] < 0)
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.MissingRequiredColumn,
                    $"The header has no '{required}' column; a one-report CSV needs 'element,value,unit'. No measurement can be read.",
                    source.HeaderLocation(0, required)));
            }
        }

        var panelSource = new SourceLocation(file, source.HeaderLine, 1);
        if (index["element"] >= 0 && index["value"] >= 0)
        {
            var rows = 0;
            var reported = diagnostics.Count;
            while (source.Read(diagnostics))
            {
                if (IsBlankRecord(source))
                {
                    continue;
                }

                rows++;
                WideCsvLayout.CheckRagged(source, diagnostics);
                foreach (var (column, first, columnName) in repeated)
                {
                    ReportDifferent(source, column, first, columnName, diagnostics);
                }

                FieldText? Optional(string column) =>
                    index[column] >= 0 ? source.Field(index[column], column) : null;

                assembler.AddMeasurement(new MeasurementInput(
                    source.Field(index["element"], "element"),
                    source.Field(index["value"], "value"),
                    Optional("unit") ?? new FieldText(null, source.FieldLocation(index["value"], "unit")),
                    Optional("reference_low"),
                    Optional("reference_high"),
                    Optional("flag")));
            }

            if (rows == 0 && diagnostics.Count == reported)
            {
                // As a YAML panel without 'measurements': the panel is still made, with its metadata, so say why it is
                // empty (records the CSV layer skipped are reported already).
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.MissingRequiredField,
                    "The CSV has a header but no rows; the panel holds no values.",
                    source.HeaderLocation(0, null)));
            }
        }

        var fallbackId = Path.GetFileNameWithoutExtension(file ?? "") is { Length: > 0 } name ? name : "panel";
        return assembler.Build(fallbackId, panelSource, sampleIdRequired: false);
    }

    /// <summary>
    /// Reports the text of a repeated column of a long CSV's row when it differs from that of the column used, so the
    /// text not used is still shown (a long CSV has no place to keep it).
    /// </summary>
    private static void ReportDifferent(CsvSource source, int column, int first, string name, List<Diagnostic> diagnostics)
    {
        var used = source.Get(first)?.Trim() ?? "";
        var other = source.Get(column)?.Trim() ?? "";
        if (string.Equals(used, other, StringComparison.Ordinal))
        {
            return;
        }

        diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.DuplicateField,
            string.Create(CultureInfo.InvariantCulture,
                $"This row gives '{name}' twice: '{used}' in column {first + 1}, which is used, and '{other}' in column {column + 1}, which is not. Check which one is right."),
            source.FieldLocation(column, name)));
    }

    /// <summary>
    /// Reads a wide CSV (a row per sample) one row at a time: the header's diagnostics first, then an item per row.
    /// With a <paramref name="sink"/>, the records it takes go to it as raw bytes instead of being read here.
    /// </summary>
    internal static IEnumerable<PanelReadItem> ReadWide(CsvSource source, string? file, ElementCatalog catalog, IPlainRecordSink? sink = null)
    {
        var layout = WideLayout(source, file, catalog);
        if (layout.HeaderDiagnostics.Count > 0)
        {
            yield return new PanelReadItem(null, layout.HeaderDiagnostics);
        }

        var records = new WideRecords(layout, sink);
        foreach (var item in records.ReadAll(source))
        {
            yield return item;
        }

        if (records.Rows == 0)
        {
            yield return layout.NoRows();
        }
    }

    /// <summary>The columns of a wide CSV's header, classified once, with the header's diagnostics.</summary>
    internal static WideCsvLayout WideLayout(CsvSource source, string? file, ElementCatalog catalog)
    {
        var headerDiagnostics = new List<Diagnostic>();
        var columns = ClassifyWideColumns(source, catalog, headerDiagnostics);
        foreach (var line in source.Metadata)
        {
            headerDiagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.UnknownField,
                $"'# {line.Key}:' lines only apply to a one-report CSV; in a CSV with a row per sample they are ignored. " +
                "Put the field in a column instead.",
                line.Value.Location));
        }

        return new WideCsvLayout(file, catalog, source.Headers.Length, source.HeaderLine, source.DecimalComma, source.Separator, columns, headerDiagnostics);
    }

    /// <summary>True when every field of the record is empty or white space.</summary>
    internal static bool IsBlankRecord(IWideRecord record)
    {
        for (var i = 0; i < record.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(record.Get(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static List<WideColumn> ClassifyWideColumns(CsvSource source, ElementCatalog catalog, List<Diagnostic> diagnostics)
    {
        var columns = new List<WideColumn>();

        // The first column of each field and of each element, by the name the assembler keys it by.
        var fields = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var elements = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < source.Headers.Length; i++)
        {
            var header = source.Headers[i];
            if (header.Length == 0)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnknownField,
                    "A column has no header name; its values are not used.",
                    source.HeaderLocation(i, null)));
                continue;
            }

            WideColumn column;
            if (PanelAssembler.IsKnownField(header))
            {
                column = new WideColumn(i, header, header.ToLowerInvariant(), null, WideColumnKind.Metadata);
            }
            else if (TrySplitColumnWithUnit(header, out var name, out var unit))
            {
                column = new WideColumn(i, header, name, unit, WideColumnKind.Measurement);
            }
            else if (catalog.TryFind(header, out _))
            {
                // Without a unit in the header, the row's 'unit' column applies; a row without one is reported.
                column = new WideColumn(i, header, header, null, WideColumnKind.Measurement);
            }
            else
            {
                column = new WideColumn(i, header, header, null, WideColumnKind.Metadata);
            }

            var (firsts, key) = column.Kind == WideColumnKind.Measurement
                ? (elements, catalog.TryFind(column.Name.Trim(), out var element) ? element.Symbol : column.Name.Trim())
                : (fields, column.Name);
            if (firsts.TryGetValue(key, out var first))
            {
                // Decided by the header alone, so said once here rather than on every row; the column's text is kept
                // with each panel under a name of its own, so nothing of it is lost.
                var extraName = string.Create(CultureInfo.InvariantCulture, $"{header} (column {i + 1})");
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.DuplicateField,
                    string.Create(CultureInfo.InvariantCulture,
                        $"The column '{header}' gives {(column.Kind == WideColumnKind.Measurement ? "the element" : "the field")} '{key}' again; column {first + 1} ('{source.Headers[first]}') is the one used. ") +
                    $"This column's text is kept with each panel as '{extraName}' but not used.",
                    source.HeaderLocation(i, header)));
                columns.Add(new WideColumn(i, header, extraName, null, WideColumnKind.Metadata));
                continue;
            }

            firsts[key] = i;
            columns.Add(column);
            if (column.Kind == WideColumnKind.Metadata && !PanelAssembler.IsKnownField(header))
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnknownField,
                    $"The column '{header}' is neither a known field nor an element; its text is kept with each panel but not used. " +
                    "An element column with an unknown name needs its unit, e.g. 'Xx (mg%)'.",
                    source.HeaderLocation(i, header)));
            }
        }

        return columns;
    }

}
