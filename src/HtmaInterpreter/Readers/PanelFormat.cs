namespace HtmaInterpreter.Readers;

/// <summary>The file formats panels can be read from.</summary>
internal enum PanelFormat
{
    /// <summary>Choose by file extension, then by content.</summary>
    Auto,

    /// <summary>CSV with one row per element of a single report (<c>element,value,unit,...</c>).</summary>
    CsvLong,

    /// <summary>CSV with one row per sample and one column per element.</summary>
    CsvWide,

    /// <summary>A YAML panel document (one panel or a list).</summary>
    Yaml,

    /// <summary>A JSON panel document (one panel or an array).</summary>
    Json,
}
