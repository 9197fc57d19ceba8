using Microsoft.Extensions.Logging;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// The package's log messages, source-generated. Parameters are counts, codes, versions and configured paths only:
/// nothing from a panel or a client context is ever a parameter here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = HtmaLogEvents.DefinitionsLoaded, EventName = nameof(HtmaLogEvents.DefinitionsLoaded), Level = LogLevel.Information,
        Message = "HTMA definitions loaded from {Source}: {LabCount} lab profiles, {ModelCount} oxidation models, {RatioCount} ratios; rule set {RuleSetName} {RuleSetVersion} with {RuleCount} rules")]
    public static partial void DefinitionsLoaded(ILogger logger, string source, int labCount, int modelCount, int ratioCount, string ruleSetName, string ruleSetVersion, int ruleCount);

    [LoggerMessage(EventId = HtmaLogEvents.DefinitionsRejected, EventName = nameof(HtmaLogEvents.DefinitionsRejected), Level = LogLevel.Error,
        Message = "HTMA definitions from {Source} could not be loaded: {ErrorCount} errors ({Codes})")]
    public static partial void DefinitionsRejected(ILogger logger, string source, int errorCount, string codes);

    [LoggerMessage(EventId = HtmaLogEvents.PanelInterpreted, EventName = nameof(HtmaLogEvents.PanelInterpreted), Level = LogLevel.Information,
        Message = "Panel {SampleRef} interpreted: {FindingCount} findings ({ReferralCount} referrals), {DiagnosticCount} diagnostics")]
    public static partial void PanelInterpreted(ILogger logger, string sampleRef, int findingCount, int referralCount, int diagnosticCount);

    [LoggerMessage(EventId = HtmaLogEvents.InputRejected, EventName = nameof(HtmaLogEvents.InputRejected), Level = LogLevel.Warning,
        Message = "Input had {ErrorCount} errors ({Codes}); {PanelCount} panels could be read")]
    public static partial void InputRejected(ILogger logger, int errorCount, string codes, int panelCount);

    [LoggerMessage(EventId = HtmaLogEvents.RetestCompared, EventName = nameof(HtmaLogEvents.RetestCompared), Level = LogLevel.Information,
        Message = "Retest comparison of {PanelCount} panels: {FindingCount} findings, {DiagnosticCount} diagnostics")]
    public static partial void RetestCompared(ILogger logger, int panelCount, int findingCount, int diagnosticCount);

    [LoggerMessage(EventId = HtmaLogEvents.RetestRejected, EventName = nameof(HtmaLogEvents.RetestRejected), Level = LogLevel.Warning,
        Message = "Retest comparison of {PanelCount} panels could not be made: {ErrorCount} errors ({Codes})")]
    public static partial void RetestRejected(ILogger logger, int panelCount, int errorCount, string codes);

    /// <summary>The distinct codes of the error diagnostics, in order of first appearance, comma-separated.</summary>
    public static string ErrorCodes(IEnumerable<HtmaInterpreter.Diagnostics.Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.Where(d => d.Severity == HtmaInterpreter.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code).Distinct(StringComparer.Ordinal));
}
