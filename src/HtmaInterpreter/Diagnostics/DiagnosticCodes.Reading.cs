namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    // HTMA01xx: reading files (structure). HTMA02xx: panel values and units.

    /// <summary>The input is empty or holds only blanks and comments (error).</summary>
    public const string EmptyInput = "HTMA0101";

    /// <summary>The format could not be told from the file extension or the content (error).</summary>
    public const string UnknownFormat = "HTMA0102";

    /// <summary>A CSV header lacks a required column, such as <c>value</c> (error).</summary>
    public const string MissingRequiredColumn = "HTMA0103";

    /// <summary>A required field is missing or empty, such as <c>sample_id</c> or a measurement's <c>element</c> (error).</summary>
    public const string MissingRequiredField = "HTMA0104";

    /// <summary>A metadata field the reader does not know; its text is kept in <c>Panel.ExtraFields</c> (warning).</summary>
    public const string UnknownField = "HTMA0105";

    /// <summary>A CSV row has more or fewer fields than the header (error; the fields present are still read).</summary>
    public const string RaggedRow = "HTMA0106";

    /// <summary>CSV quoting is broken: a stray quote, text after a closing quote or a quote never closed (error).</summary>
    public const string MalformedQuoting = "HTMA0107";

    /// <summary>The YAML or JSON text is not well formed (error).</summary>
    public const string SyntaxError = "HTMA0108";

    /// <summary>A YAML anchor (&amp;name) or alias (*name) was used; panel files need neither, so they are rejected (error).</summary>
    public const string YamlAnchorOrAlias = "HTMA0109";

    /// <summary>YAML or JSON nesting is deeper than a panel file ever needs (error; the deep part is skipped).</summary>
    public const string NestingTooDeep = "HTMA0110";

    /// <summary>A YAML or JSON node has the wrong shape, such as a list where a single value belongs (error).</summary>
    public const string UnexpectedStructure = "HTMA0111";

    /// <summary>No <c>sample_id</c> was given in a one-report CSV, so the file name is used (info).</summary>
    public const string SampleIdFromFileName = "HTMA0112";

    /// <summary>
    /// The same element appears twice in one panel. The first is kept; the second is reported with both lines and
    /// its value (warning when both amounts agree, error when they differ).
    /// </summary>
    public const string DuplicateElement = "HTMA0113";

    /// <summary>The file could not be opened or read (error).</summary>
    public const string FileNotReadable = "HTMA0114";

    /// <summary>The input holds no panel at all, e.g. a header without rows or an empty list (warning).</summary>
    public const string NoPanels = "HTMA0115";

    /// <summary>
    /// A key appears twice in one YAML or JSON mapping, or a column twice in a CSV header (the same name, or two columns
    /// of one element); the first is used (warning, at the second). A wide CSV keeps the second column's text with each
    /// panel in <c>Panel.ExtraFields</c> as <c>header (column N)</c>; a one-report CSV reports each row whose second
    /// value differs from the first.
    /// </summary>
    public const string DuplicateField = "HTMA0116";

    /// <summary>A file read whole is larger than <see cref="InputLimits.MaxDocumentBytes"/>; it is not read (error).</summary>
    public const string InputTooLarge = "HTMA0117";

    /// <summary>A CSV header has more columns than <see cref="InputLimits.MaxColumns"/>; the file is not read (error).</summary>
    public const string TooManyColumns = "HTMA0118";

    /// <summary>
    /// A CSV record is longer than <see cref="InputLimits.MaxRecordCharacters"/>, usually a quote never closed; the record
    /// is skipped and reading resumes at the next line (error).
    /// </summary>
    public const string RecordTooLong = "HTMA0119";

    /// <summary>
    /// The same sample id on two panels of one file (two rows of a wide CSV, two panels of a YAML or JSON file); the
    /// message names both lines, and both panels are kept (warning).
    /// </summary>
    public const string DuplicateSampleId = "HTMA0120";

    /// <summary>
    /// A CSV has more than <see cref="InputLimits.MaxMetadataLines"/> <c># key: value</c> lines before its header; the file
    /// is not read (error, at the first line past the limit).
    /// </summary>
    public const string TooManyMetadataLines = "HTMA0121";

    /// <summary>
    /// Bytes that are not valid UTF-8 (a file saved in another encoding, or damaged) in a panel, client context, rule or
    /// definitions file; they are read as U+FFFD (�) and the file is read on. One warning per file, giving the number of
    /// such bytes, at the first U+FFFD of the text (the field holding it in a CSV record).
    /// </summary>
    public const string InvalidText = "HTMA0122";

    /// <summary>An element name not in the catalogue; the measurement is kept with no recognised element (warning).</summary>
    public const string UnknownElement = "HTMA0201";

    /// <summary>A negative concentration, which cannot be measured; the value is kept as printed (error).</summary>
    public const string NegativeValue = "HTMA0202";

    /// <summary>A value of NaN or infinity, which no lab reports; the measurement cannot be kept (error).</summary>
    public const string NotAFiniteNumber = "HTMA0203";

    /// <summary>A value that is neither a number, a detection limit (<c>&lt;0.002</c>, <c>&gt;500</c>) nor <c>ND</c> (error).</summary>
    public const string NonNumericValue = "HTMA0204";

    /// <summary>No unit for a value; the value is kept as mg% but must be checked (error).</summary>
    public const string MissingUnit = "HTMA0205";

    /// <summary>A unit that is not a hair mineral unit the reader knows; the value is kept as mg% but must be checked (error).</summary>
    public const string UnknownUnit = "HTMA0206";

    /// <summary>A value physically impossible for hair (above 10,000 mg%, a tenth of the sample's mass); kept (warning).</summary>
    public const string AbsurdValue = "HTMA0207";

    /// <summary>An element is listed with no value; nothing can be kept (warning).</summary>
    public const string MissingValue = "HTMA0208";

    /// <summary>A metadata value that cannot be read, such as a date not in yyyy-MM-dd; its text is kept in <c>Panel.ExtraFields</c> (warning).</summary>
    public const string InvalidMetadataValue = "HTMA0209";

    /// <summary>
    /// A reference range bound that is not a number, or a range whose low bound is above its high bound; the range is
    /// left out, the measurement is kept (warning).
    /// </summary>
    public const string InvalidReferenceRange = "HTMA0210";

    /// <summary>
    /// A number the reader cannot hold exactly: nonzero but below 10^-28 (kept as 0), with more digits than a decimal
    /// keeps (kept rounded), or losing digits when converted to mg% (warning; the message quotes the text as written);
    /// or above about 7.9 × 10^28, which cannot be kept at all (error).
    /// </summary>
    public const string ValueNotRepresentable = "HTMA0211";

    /// <summary>
    /// A value too large to be converted to every unit (its amount in ppb or ng/g would not fit a decimal); kept, and
    /// shown in its own unit where a report's unit cannot hold it (warning).
    /// </summary>
    public const string ValueNotConvertible = "HTMA0212";
}
