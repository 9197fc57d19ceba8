using System.Security.Cryptography;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// What a host calls instead of <see cref="Interpreter"/> directly: the same reading, interpreting and comparing,
/// logged through <see cref="ILogger"/> (events in <see cref="HtmaLogEvents"/>). The core library has no logging
/// dependency; this service is where the logging sits.
/// </summary>
/// <remarks>
/// A log line never holds a patient value, a name, a sample or subject id, a file name or any other content of the
/// input: only counts, diagnostic codes and a pseudonym of the sample id (a keyed hash whose random key lives and dies
/// with this instance, so it links the lines of one process and nothing else). Registered as a singleton; thread-safe.
/// </remarks>
public sealed class HtmaInterpretationService
{
    private readonly PanelReader _reader;
    private readonly RetestComparer _comparer;
    private readonly ILogger _logger;
    private readonly byte[] _pseudonymKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Creates the service.</summary>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="reader">The panel reader.</param>
    /// <param name="comparer">The retest comparer (over the same interpreter).</param>
    /// <param name="logger">The logger; <c>null</c> for none.</param>
    public HtmaInterpretationService(Interpreter interpreter, PanelReader reader, RetestComparer comparer, ILogger<HtmaInterpretationService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(comparer);
        Interpreter = interpreter;
        _reader = reader;
        _comparer = comparer;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The interpreter in use.</summary>
    public Interpreter Interpreter { get; }

    /// <summary>Interprets one panel and logs <see cref="HtmaLogEvents.PanelInterpreted"/>.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="context">What the client reports, or <c>null</c>.</param>
    /// <returns>The interpretation.</returns>
    public Interpretation Interpret(Panel panel, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var interpretation = Interpreter.Interpret(panel, context);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var sampleRef = Pseudonym(panel.SampleId);
            var referrals = interpretation.Referrals.Count();
            Log.PanelInterpreted(_logger, sampleRef, interpretation.Findings.Count, referrals, interpretation.Diagnostics.Count);
        }

        return interpretation;
    }

    /// <summary>Reads every panel of a text (CSV, YAML or JSON) and interprets each; errors in the input are logged as <see cref="HtmaLogEvents.InputRejected"/> (codes only).</summary>
    /// <param name="text">The content.</param>
    /// <param name="fileName">The name diagnostics give (its extension selects the format); never logged.</param>
    /// <param name="context">What the client reports, or <c>null</c>.</param>
    /// <returns>The interpretations and the reading's diagnostics.</returns>
    public HtmaInterpretResult InterpretText(string text, string fileName, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return InterpretRead(_reader.ReadText(text, fileName), context);
    }

    /// <summary>Reads every panel of a stream (CSV, YAML or JSON) and interprets each; errors in the input are logged as <see cref="HtmaLogEvents.InputRejected"/> (codes only).</summary>
    /// <param name="stream">The content.</param>
    /// <param name="fileName">The name diagnostics give (its extension selects the format); never logged.</param>
    /// <param name="context">What the client reports, or <c>null</c>.</param>
    /// <returns>The interpretations and the reading's diagnostics.</returns>
    public HtmaInterpretResult InterpretStream(Stream stream, string fileName, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return InterpretRead(_reader.Read(stream, fileName), context);
    }

    /// <summary>Compares two or more panels of one person (<see cref="RetestComparer.Compare"/>) and logs the outcome (counts and codes only).</summary>
    /// <param name="panels">The panels, in any order.</param>
    /// <param name="context">What the client reports, or <c>null</c>.</param>
    /// <returns>The comparison, or the diagnostics that prevented it.</returns>
    public ParseResult<RetestComparison> Compare(IReadOnlyList<Panel> panels, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var result = _comparer.Compare(panels, context);
        if (result.Value is { } comparison && !result.HasErrors)
        {
            Log.RetestCompared(_logger, panels.Count, comparison.Findings.Count, result.Diagnostics.Count);
        }
        else
        {
            Log.RetestRejected(_logger, panels.Count, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), Log.ErrorCodes(result.Diagnostics));
        }

        return result;
    }

    private HtmaInterpretResult InterpretRead(ParseResult<IReadOnlyList<Panel>> read, ClientContext? context)
    {
        var panels = read.Value ?? [];
        if (read.HasErrors)
        {
            Log.InputRejected(_logger, read.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), Log.ErrorCodes(read.Diagnostics), panels.Count);
        }

        var interpretations = new Interpretation[panels.Count];
        for (var i = 0; i < interpretations.Length; i++)
        {
            interpretations[i] = Interpret(panels[i], context);
        }

        return new HtmaInterpretResult(interpretations, read.Diagnostics);
    }

    // A keyed hash (HMAC-SHA-256, key random per instance) cut to 12 hex digits: the same sample gives the same
    // pseudonym within this process, and a log reader without the key cannot test guesses of the id against it.
    private string Pseudonym(string sampleId) =>
        "s-" + Convert.ToHexStringLower(HMACSHA256.HashData(_pseudonymKey, Encoding.UTF8.GetBytes(sampleId)), 0, 6);
}
