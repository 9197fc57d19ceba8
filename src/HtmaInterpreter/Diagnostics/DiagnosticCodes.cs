namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Codes never change meaning once released; new ones are appended.
/// Ranges: <c>HTMA01xx</c> reading panels, <c>HTMA02xx</c> panel values and units,
/// <c>HTMA03xx</c> definitions (ratios, labs, oxidation YAML), <c>HTMA04xx</c> ratios and oxidation,
/// <c>HTMA05xx</c> rules, <c>HTMA06xx</c> client context, <c>HTMA07xx</c> reports and batch runs, <c>HTMA08xx</c> retests,
/// <c>HTMA0901</c>–<c>HTMA0919</c> report branding.
/// The members are declared in one partial file per concern.
/// </summary>
public static partial class DiagnosticCodes
{
}
