using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>One record of a wide CSV: its fields' text and where each field starts.</summary>
internal interface IWideRecord
{
    /// <summary>The real 1-based line where the record starts.</summary>
    int Line { get; }

    /// <summary>How many fields the record has.</summary>
    int FieldCount { get; }

    /// <summary>The text of field <paramref name="index"/>, or <c>null</c> when empty or missing.</summary>
    string? Get(int index);

    /// <summary>The location of field <paramref name="index"/>, named <paramref name="field"/>.</summary>
    SourceLocation FieldLocation(int index, string? field);
}

/// <summary>What a wide CSV column holds.</summary>
internal enum WideColumnKind
{
    /// <summary>A panel field (sample_id, lab, ...) or a column the reader does not know.</summary>
    Metadata,

    /// <summary>An element's values.</summary>
    Measurement,
}

/// <summary>A wide CSV column: its index, header text, field or element name and unit (from the header, when given).</summary>
internal sealed record WideColumn(int Index, string Header, string Name, string? Unit, WideColumnKind Kind);

/// <summary>
/// The layout of a wide CSV (a row per sample), read from its header once: which column holds which field or element.
/// Turns any record of the file into a panel with its diagnostics; records read by CsvHelper and raw records split
/// elsewhere (any <see cref="IWideRecord"/>) go through the same code, so they read alike.
/// </summary>
internal sealed class WideCsvLayout
{
    private readonly WideColumn[] _metadataColumns;
    private readonly WideColumn[] _measurementColumns;

    public WideCsvLayout(
        string? file,
        ElementCatalog catalog,
        int headerCount,
        int headerLine,
        bool decimalComma,
        char separator,
        IReadOnlyList<WideColumn> columns,
        List<Diagnostic> headerDiagnostics)
    {
        File = file;
        Catalog = catalog;
        HeaderCount = headerCount;
        HeaderLine = headerLine;
        DecimalComma = decimalComma;
        Separator = separator;
        Columns = columns;
        HeaderDiagnostics = headerDiagnostics;
        _metadataColumns = columns.Where(c => c.Kind == WideColumnKind.Metadata).ToArray();
        _measurementColumns = columns.Where(c => c.Kind == WideColumnKind.Measurement).ToArray();
    }

    public string? File { get; }

    public ElementCatalog Catalog { get; }

    /// <summary>How many columns the header has.</summary>
    public int HeaderCount { get; }

    public int HeaderLine { get; }

    public bool DecimalComma { get; }

    public char Separator { get; }

    /// <summary>The columns with a header name, in file order.</summary>
    public IReadOnlyList<WideColumn> Columns { get; }

    /// <summary>What is wrong with the header (empty, unknown or misplaced names).</summary>
    public List<Diagnostic> HeaderDiagnostics { get; }

    /// <summary>
    /// Reads one non-blank record into a panel; its diagnostics go to <paramref name="diagnostics"/> (which may already
    /// hold the CSV layer's). <paramref name="assembler"/> is reused from record to record (created on first use).
    /// </summary>
    public PanelReadItem ReadRow(IWideRecord record, List<Diagnostic> diagnostics, ref PanelAssembler? assembler)
    {
        CheckRagged(record, diagnostics);
        if (assembler is null)
        {
            assembler = new PanelAssembler(Catalog, diagnostics, DecimalComma);
        }
        else
        {
            assembler.Reset(diagnostics);
        }

        foreach (var column in _metadataColumns)
        {
            assembler.SetField(column.Name, new FieldText(record.Get(column.Index), record.FieldLocation(column.Index, column.Name)), reportUnknown: false);
        }

        foreach (var column in _measurementColumns)
        {
            var value = new FieldText(record.Get(column.Index), record.FieldLocation(column.Index, column.Header));
            if (value.IsBlank)
            {
                continue; // a sample not tested for this element
            }

            assembler.AddMeasurement(new MeasurementInput(
                new FieldText(column.Name, value.Location),
                value,
                column.Unit is null ? null : new FieldText(column.Unit, value.Location)));
        }

        var rowLocation = new SourceLocation(File, record.Line, 1);
        var fallbackId = assembler.HasSampleId ? "" : string.Create(CultureInfo.InvariantCulture, $"line {record.Line}");
        var panel = assembler.Build(fallbackId, rowLocation, sampleIdRequired: true);
        return new PanelReadItem(panel, diagnostics);
    }

    /// <summary>The warning for a file whose header is followed by no sample row.</summary>
    public PanelReadItem NoRows() => new(null, [Diagnostic.Warning(
        DiagnosticCodes.NoPanels,
        "The CSV has a header but no sample rows.",
        new SourceLocation(File, HeaderLine))]);

    /// <summary>Reports a record with more or fewer fields than the header.</summary>
    public static void CheckRagged(IWideRecord record, int expected, List<Diagnostic> diagnostics)
    {
        var actual = record.FieldCount;
        if (actual == expected)
        {
            return;
        }

        var message = actual > expected
            ? string.Create(CultureInfo.InvariantCulture,
                $"This row has {actual} fields but the header has {expected}; the extra fields have no column and are not used. A value with a decimal comma in a comma-separated file, or a missing quote, often causes this.")
            : string.Create(CultureInfo.InvariantCulture,
                $"This row has {actual} fields but the header has {expected}; the missing fields are read as empty.");
        var location = actual > expected ? record.FieldLocation(expected, null) : record.FieldLocation(actual, null);
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RaggedRow, message, location));
    }

    /// <summary>Reports a CsvHelper record with more or fewer fields than its header.</summary>
    public static void CheckRagged(CsvSource source, List<Diagnostic> diagnostics) => CheckRagged(source, source.Headers.Length, diagnostics);

    private void CheckRagged(IWideRecord record, List<Diagnostic> diagnostics) => CheckRagged(record, HeaderCount, diagnostics);
}
