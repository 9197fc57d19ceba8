using HtmaInterpreter.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// Creates the interpreter from the options once (per distinct options) and keeps the result, success or diagnostics,
/// so the start-up validation, the <see cref="Interpreter"/> singleton and the health check share one load.
/// </summary>
internal sealed class InterpreterSource(ILogger<InterpreterSource> logger)
{
    private readonly Lock _gate = new();
    private (InterpreterOptions Options, ParseResult<Interpreter> Result)? _current;

    /// <summary>The last result, or <c>null</c> when nothing was loaded yet.</summary>
    public ParseResult<Interpreter>? Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.Result;
            }
        }
    }

    /// <summary>The interpreter for these options, created on the first call, or the diagnostics that prevented it.</summary>
    public ParseResult<Interpreter> Get(InterpreterOptions options)
    {
        lock (_gate)
        {
            if (_current is { } current && current.Options == options)
            {
                return current.Result;
            }

            var result = Interpreter.Create(options);
            var source = options.DefinitionsDirectory ?? "the embedded definitions";
            if (result.Value is { } interpreter && !result.HasErrors)
            {
                Log.DefinitionsLoaded(
                    logger,
                    source,
                    interpreter.Definitions.Labs.Count,
                    interpreter.Definitions.ModelIds.Count,
                    interpreter.Definitions.RatioNames.Count,
                    interpreter.Rules.Name,
                    interpreter.Rules.Version,
                    interpreter.Rules.RuleIds.Count);
            }
            else
            {
                Log.DefinitionsRejected(logger, source, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), Log.ErrorCodes(result.Diagnostics));
            }

            _current = (options, result);
            return result;
        }
    }
}
