namespace HtmaInterpreter.Reports;

/// <summary>The formats an <see cref="Interpretation"/> can be rendered in.</summary>
public enum ReportFormat
{
    /// <summary>Plain text for a terminal: aligned tables.</summary>
    Text,

    /// <summary>JSON with a versioned schema (see <see cref="JsonReport.SchemaVersion"/>).</summary>
    Json,
}
