using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.CommandLine;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma batch FILE</c>: interprets a wide CSV of many panels on all cores and writes one row per panel.</summary>
internal static class BatchCommand
{
    internal static string Usage =>
        $$"""
        usage: htma batch FILE [--out results.csv|results.jsonl] [--summary] [--lab ID] [--model ID]

        Interprets every row of FILE, a wide CSV (sample_id first, one column per element; '-' reads standard input,
        which diagnostics call {{PanelInput.StandardInputName}}), on all cores in constant memory, and writes one row per panel in input order: line, sample_id, oxidation_type, lean, degree, the key ratios
        {{string.Join(", ", BatchResult.KeyRatioNames.Select(BatchRowFormat.CsvColumnName))}} (empty when absent), fired_rules (rule ids separated by ';'), diagnostics
        (how many), has_errors, then what produced the row: lab_profile (the profile id, e.g. arl: the panel's own lab,
        or --lab), model (the oxidation model id), rule_set and rule_set_version (name and hash of the rules), and note:
        the "not a diagnosis" statement on the first row, empty on the others (JSON Lines: labProfile, model, ruleSet
        {name, version} on every record, note on the first). A row whose reading gives an error is reported on stderr
        as file:line:col and skipped; the run always goes on to the end. Warnings are reported on stderr and the row is
        kept.

          --out FILE    write the rows to FILE: .csv for CSV, .jsonl (or .ndjson) for JSON Lines;
                        without it, CSV goes to standard output. FILE appears only when complete: an
                        interrupted or failed run leaves it as it was

          --summary     print cohort statistics after the rows: the model, rule set and version, the lab profiles
                        (with their panels when several), panels per oxidation type, min/quartiles/median/max of each
                        key ratio, how often each rule fired, rows with errors, and last the "not a diagnosis"
                        statement. They go to standard output when the rows go to --out,
                        and to standard error when the rows go to standard output
          --lab ID      lab profile to use instead of each panel's lab ({{DefinitionIds.Labs}})
          --model ID    oxidation model {{DefinitionIds.Models}}

        A progress bar is drawn on standard error when it is a terminal.
        Exit codes: 0 every row interpreted, 1 some rows (or the file) had errors, after all rows were processed, or
        FILE cannot be written; 2 usage error; 130 interrupted (Ctrl-C).
        """;

    private const int OutputBufferSize = 1 << 16;

    /// <summary>Creates the command.</summary>
    internal static HtmaCommand Create(CommandEnvironment environment)
    {
        var command = new HtmaCommand("batch", "Interpret a wide CSV of many panels on all cores: one result row per panel, cohort statistics.", () => Usage);
        var file = CommandOptions.FileArgument(command);
        var outPath = CommandOptions.Out();
        var summary = new Option<bool>("--summary");
        var lab = CommandOptions.Lab();
        var model = CommandOptions.Model();
        outPath.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 0 && BatchResultWriter.FormatFromFileName(t.Value) is null))
            {
                result.AddError($"cannot tell the output format from '{token.Value}'; name it .csv or .jsonl.");
            }
        });
        command.Arguments.Add(file);
        foreach (var option in new Option[] { outPath, summary, lab, model })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(outPath), parse.GetValue(summary), parse.GetValue(lab), parse.GetValue(model), environment));
        return command;
    }

    private static int Run(string path, string? outPath, bool summarize, string? lab, string? model, CommandEnvironment environment)
    {
        var (stdout, stderr, interruption) = (environment.Stdout, environment.Stderr, environment.Interruption);
        var format = outPath is null ? BatchOutputFormat.Csv : BatchResultWriter.FormatFromFileName(outPath)!.Value;
        if (CommandOptions.CreateInterpreter(null, lab, model, stderr, out var failure) is not { } interpreter)
        {
            return failure;
        }

        var name = PanelInput.DisplayName(path);
        Stream input;
        try
        {
            input = path == CommandOptions.StandardInput
                ? new ReplayStream([], environment.Stdin) // disposing it leaves the process's standard input open
                : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, OutputBufferSize, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine(Diagnostic.Error(
                DiagnosticCodes.FileNotReadable,
                exception is FileNotFoundException or DirectoryNotFoundException
                    ? "The file does not exist."
                    : "The file cannot be opened (check the path and the permissions).",
                new SourceLocation(path)));
            return ExitCodes.InputError;
        }

        using (input)
        {
            var showProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            var counted = new CountingStream(input);
            var progress = showProgress ? new ProgressBar(stderr, SafeLength(input)) : null;

            using var output = outPath is null ? null : OutputFile.Open(outPath, interruption, stderr, OutputBufferSize);
            if (outPath is not null && output is null)
            {
                return ExitCodes.InputError;
            }

            BatchWriteResult? written = null;
            var options = new BatchWriteOptions
            {
                Summarize = summarize,
                OnReadDiagnostics = result =>
                {
                    progress?.Clear();
                    foreach (var diagnostic in result.ReadDiagnostics)
                    {
                        stderr.WriteLine(diagnostic);
                    }
                },
                OnProgress = progress is null ? null : steps => progress.Tick(counted.Position, steps),
            };
            Stream source = showProgress ? counted : input;
            if (output is not null)
            {
                var committed = output.WriteAndCommit(
                    stream =>
                    {
                        using var writer = new BatchResultWriter(stream, format, leaveOpen: true);
                        written = new BatchInterpreter(interpreter, environment.Settings.Batch).WriteWideCsv(source, name, writer, options, interruption.Token);
                    },
                    stderr);
                if (committed != ExitCodes.Success)
                {
                    progress?.Clear();
                    return committed;
                }
            }
            else
            {
                // The rows go out as UTF-8 bytes to standard output (Console.Out would flush on every write); a
                // caller's own text writer (tests) gets text.
                using var writer = ReferenceEquals(stdout, Console.Out)
                    ? new BatchResultWriter(new GuardedStream(Console.OpenStandardOutput(), Program.StandardOutput), format)
                    : new BatchResultWriter(stdout, format, leaveOpen: true);
                written = new BatchInterpreter(interpreter, environment.Settings.Batch).WriteWideCsv(source, name, writer, options, interruption.Token);
            }

            progress?.Clear();
            if (written!.RowsWithErrors > 0)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"htma batch: {written.RowsWithErrors} row{(written.RowsWithErrors == 1 ? "" : "s")} with errors skipped (see above); {written.Interpreted} interpreted."));
            }

            written.Summary?.WriteText(outPath is null ? stderr : stdout);
            return written.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
        }
    }

    private static long SafeLength(Stream stream)
    {
        try
        {
            return stream.CanSeek ? stream.Length : 0;
        }
        catch (Exception exception) when (exception is IOException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>A read-only pass-through stream that counts the bytes read, readable from another thread.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => Volatile.Read(ref _read);
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int count)
        {
            Volatile.Write(ref _read, _read + count); // one reader thread writes; the progress bar only reads
            return count;
        }
    }

    /// <summary>A one-line progress bar on a terminal, redrawn at most four times a second.</summary>
    private sealed class ProgressBar(TextWriter terminal, long totalBytes)
    {
        private const int Width = 30;
        private static readonly long Interval = Stopwatch.Frequency / 4;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _next = Interval;
        private bool _drawn;

        public void Tick(long bytesRead, int rows)
        {
            if (_clock.ElapsedTicks < _next)
            {
                return;
            }

            _next = _clock.ElapsedTicks + Interval;
            var fraction = totalBytes > 0 ? Math.Clamp((double)bytesRead / totalBytes, 0, 1) : 0;
            var filled = (int)(fraction * Width);
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            terminal.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:0}% {rows,12:N0} rows {rows / seconds,10:N0} rows/s"));
            terminal.Flush();
            _drawn = true;
        }

        public void Clear()
        {
            if (_drawn)
            {
                terminal.Write("\r" + new string(' ', Width + 50) + "\r");
                terminal.Flush();
                _drawn = false;
            }
        }
    }
}
