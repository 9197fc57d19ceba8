using System.Runtime.InteropServices;
using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Cli.Output;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM during one run of <c>htma</c>. <see cref="Signal"/> is what a signal does, and what tests
/// call instead of sending one: it cancels <see cref="Token"/>, so that the command stops at its next check with an
/// <see cref="OperationCanceledException"/>; its <see cref="OutputFile"/>s are disposed on the way out (removing their
/// temporary files) and <see cref="Program"/> reports the interruption with <see cref="Report"/> and exit code 130.
/// A command that has not stopped within the grace period (blocked reading a pipe, say), or a second signal, ends
/// the process from here: the temporary files are removed, the interruption reported and the process exits with 130.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long a command has to stop by itself after the first signal.</summary>
    internal static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<OutputFile> _open = [];
    private readonly List<string> _notWritten = [];
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _stderr;
    private readonly Action<int> _exit;
    private readonly TimeSpan _grace;
    private Timer? _graceTimer;
    private bool _requested;
    private bool _reported;
    private bool _ended;

    /// <summary>Creates an interruption that nothing signals but <see cref="Signal"/> (tests, and runs without signals).</summary>
    /// <param name="stderr">Where the interruption is reported.</param>
    /// <param name="exit">Ends the process with an exit code when a command does not stop by itself.</param>
    /// <param name="grace">How long a command has to stop by itself; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    public Interruption(TextWriter stderr, Action<int> exit, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(exit);
        _stderr = stderr;
        _exit = exit;
        _grace = grace;
    }

    /// <summary>Stops the command at its next check; the signal's token.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>True once a signal came.</summary>
    public bool IsRequested
    {
        get
        {
            lock (_gate)
            {
                return _requested;
            }
        }
    }

    /// <summary>An interruption that Ctrl-C (SIGINT) and SIGTERM signal, instead of ending the process at once.</summary>
    /// <param name="stderr">Where the interruption is reported.</param>
    /// <returns>The interruption; dispose it to give the signals back.</returns>
    public static Interruption ListenToProcess(TextWriter stderr)
    {
        var interruption = new Interruption(stderr, Environment.Exit, DefaultGrace);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // the process goes on until the command has cleaned up
                interruption.Signal();
            }));
        }

        return interruption;
    }

    /// <summary>
    /// What a signal does: the first cancels <see cref="Token"/> and starts the grace period; a second one, or the end
    /// of the grace period, ends the process (<see cref="End"/>).
    /// </summary>
    public void Signal()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            if (_requested)
            {
                _graceTimer?.Dispose();
            }
            else
            {
                _requested = true;
                _cancel.Cancel(); // under the lock, so that Dispose cannot come between
                if (_grace != Timeout.InfiniteTimeSpan)
                {
                    _graceTimer = new Timer(_ => End(), null, _grace, Timeout.InfiniteTimeSpan);
                }

                return;
            }
        }

        End();
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> once a signal came.</summary>
    public void ThrowIfRequested() => _cancel.Token.ThrowIfCancellationRequested();

    /// <summary>
    /// Reports the interruption on standard error, once: <c>htma: interrupted (HTMA0702); FILE was not written</c>, or
    /// without the file when the output went to standard output or was complete before the signal.
    /// </summary>
    /// <returns><see cref="ExitCodes.Interrupted"/>.</returns>
    public int Report()
    {
        lock (_gate)
        {
            if (!_reported)
            {
                _reported = true;
                var files = _notWritten.Concat(_open.Select(o => o.Path)).Distinct(StringComparer.Ordinal).ToList();
                _stderr.WriteLine(files.Count == 0
                    ? $"htma: interrupted ({DiagnosticCodes.Interrupted})"
                    : $"htma: interrupted ({DiagnosticCodes.Interrupted}); {string.Join(", ", files)} was not written");
                _stderr.Flush();
            }
        }

        return ExitCodes.Interrupted;
    }

    /// <summary>Gives the signals back and stops the grace period; an interruption after this is the runtime's.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _ended = true;
            _graceTimer?.Dispose();
        }

        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    /// <summary>Registers an output file that is open and not yet in place.</summary>
    internal void Opened(OutputFile output)
    {
        lock (_gate)
        {
            _open.Add(output);
        }
    }

    /// <summary>
    /// Moves an output file into place unless a signal came first; the check and the move happen under one lock, so
    /// that a signal either finds the file complete and in place or keeps it from being moved.
    /// </summary>
    internal void Commit(OutputFile output, Action moveIntoPlace)
    {
        lock (_gate)
        {
            if (_requested)
            {
                throw new OperationCanceledException(_cancel.Token);
            }

            moveIntoPlace();
            _open.Remove(output);
        }
    }

    /// <summary>Forgets an output file that was not moved into place (a failed or interrupted run).</summary>
    internal void Abandoned(OutputFile output)
    {
        lock (_gate)
        {
            if (_open.Remove(output))
            {
                _notWritten.Add(output.Path);
            }
        }
    }

    /// <summary>Ends the process: removes the temporary files of the open outputs, reports, exits with 130.</summary>
    private void End()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            foreach (var output in _open)
            {
                output.DeleteTemporary();
            }
        }

        Report();
        _exit(ExitCodes.Interrupted);
    }
}
