using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Cli.Output;

/// <summary>
/// A report or results file named by <c>--out</c>, for every command that has one. It is written to a temporary file
/// beside the target (<c>.NAME.RANDOM.htma-tmp</c>) and moved into place by <see cref="Commit"/> (an atomic rename), so
/// that a failed or interrupted run never leaves a file that looks complete: disposing an output that was not
/// committed removes the temporary file and leaves the target as it was.
/// <list type="bullet">
/// <item>An existing file keeps its permissions (they are copied to the new file). Its owner, and any hard link to it,
/// do not carry over: the rename puts a new file at the name.</item>
/// <item>A symbolic link is followed: the file it points to is replaced, the link is kept.</item>
/// <item>Anything that is not a regular file or a folder (a character device such as <c>/dev/null</c> or
/// <c>/dev/stdout</c>, a FIFO, a socket), and any path under <c>/dev/</c> or <c>/proc/</c>, is written directly: it
/// cannot be renamed over, and what was written to it cannot be taken back.</item>
/// </list>
/// A new temporary file is never truncated, which also keeps ext4 from forcing its blocks to disk on close.
/// The file is not synced to disk: the rename guards against a run that stops, not against a power cut.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private const string TemporarySuffix = ".htma-tmp";

    private readonly Interruption _interruption;
    private readonly string? _temporary;
    private readonly string _target;
    private readonly UnixFileMode? _mode;
    private readonly GuardedStream _stream;
    private bool _closed;
    private bool _committed;

    private OutputFile(string path, Interruption interruption, int bufferSize)
    {
        Path = path;
        _interruption = interruption;
        var (target, kind) = OutputPath.Resolve(path);
        _target = target;
        switch (kind)
        {
            case OutputPath.Kind.Folder:
                throw new NotWritableException("it is a folder");
            case OutputPath.Kind.Special:
                _stream = new GuardedStream(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, bufferSize), path);
                return;
            case OutputPath.Kind.RegularFile:
                // A file we may not write stays protected, as it was before: the rename alone needs only the folder's permission.
                using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1))
                {
                }

                _mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
                break;
        }

        var folder = System.IO.Path.GetDirectoryName(target) ?? ".";
        _temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid().ToString("N")[..12]}{TemporarySuffix}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = bufferSize };
        if (_mode is { } mode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode; // results as private as the file they replace, from the first byte
        }

        _stream = new GuardedStream(new FileStream(_temporary, options), path);
    }

    /// <summary>The path as the user gave it; messages name it.</summary>
    public string Path { get; }

    /// <summary>Where to write. A write error surfaces as <see cref="OutputWriteException"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>
    /// Opens <paramref name="path"/> for writing. When that fails, prints <c>htma: error HTMA0701: cannot write PATH:
    /// reason</c> to <paramref name="stderr"/> and gives <c>null</c>.
    /// </summary>
    public static OutputFile? Open(string path, Interruption interruption, TextWriter stderr, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var output = new OutputFile(path, interruption, bufferSize);
            interruption.Opened(output);
            return output;
        }
        catch (Exception exception) when (IsWriteError(exception))
        {
            ReportNotWritable(stderr, path, exception);
            return null;
        }
    }

    /// <summary>The message for an empty <c>--out</c>, a usage error.</summary>
    public const string EmptyPathMessage = "--out needs a file name; it is empty.";

    /// <summary>
    /// Writes with <paramref name="write"/> and moves the file into place. A write error (disk full, say) is printed as
    /// HTMA0701 and gives <see cref="ExitCodes.InputError"/>; the temporary file is removed when this is disposed.
    /// An interruption is thrown on as <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <returns><see cref="ExitCodes.Success"/> when the file is in place.</returns>
    public int WriteAndCommit(Action<Stream> write, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            write(_stream);
            Commit();
            return ExitCodes.Success;
        }
        catch (OutputWriteException exception)
        {
            ReportNotWritable(stderr, Path, exception);
            return ExitCodes.InputError;
        }
    }

    /// <summary>
    /// Flushes and closes the file and moves it into place; throws <see cref="OutputWriteException"/> on a write error
    /// and <see cref="OperationCanceledException"/> after an interruption.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _interruption.ThrowIfRequested();
        Close();
        if (_temporary is null)
        {
            _interruption.Commit(this, () => { });
        }
        else
        {
            try
            {
                if (_mode is { } mode && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_temporary, mode);
                }

                _interruption.Commit(this, () => File.Move(_temporary, _target, overwrite: true));
            }
            catch (Exception exception) when (IsWriteError(exception))
            {
                throw new OutputWriteException(exception, Path);
            }
        }

        _committed = true;
    }

    /// <summary>Closes the file; unless it was committed, removes the temporary file (the target stays as it was).</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Close();
        }
        catch (OutputWriteException)
        {
            // Abandoned anyway; the error that matters was reported where it happened.
        }

        DeleteTemporary();
        _interruption.Abandoned(this);
        _committed = true; // disposed: nothing more to do
    }

    /// <summary>Removes the temporary file, if any; safe to call from another thread while it is being written.</summary>
    internal void DeleteTemporary()
    {
        if (_temporary is null)
        {
            return;
        }

        try
        {
            File.Delete(_temporary);
        }
        catch (Exception exception) when (IsWriteError(exception))
        {
            // Nothing better to do; the name says what it is.
        }
    }

    /// <summary>Prints <c>htma: error HTMA0701: cannot write PATH: reason</c>.</summary>
    internal static void ReportNotWritable(TextWriter stderr, string path, Exception exception) =>
        stderr.WriteLine($"htma: error {DiagnosticCodes.OutputNotWritable}: cannot write {path}: {Reason(exception)}");

    /// <summary>The plain reason of a write error, for a practitioner.</summary>
    internal static string Reason(Exception exception) => exception switch
    {
        NotWritableException notWritable => notWritable.Message,
        OutputWriteException { InnerException: { } inner } => Reason(inner),
        DirectoryNotFoundException => "the folder does not exist",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        ArgumentException => "it is not a valid file name",
        IOException { HResult: 28 } => "the disk is full", // ENOSPC: .NET gives errno as the HResult on Unix
        IOException { HResult: 30 } => "the file system is read-only", // EROFS
        IOException { HResult: 27 } => "the file is too large for the file system", // EFBIG
        IOException { HResult: 122 } => "the disk quota is exceeded", // EDQUOT
        IOException io => WithoutPath(io.Message),
        _ => exception.Message,
    };

    /// <summary>The exceptions .NET throws for a file that cannot be opened or written.</summary>
    internal static bool IsWriteError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>.NET's messages end with <c> : 'path'</c>; the message names the path already.</summary>
    private static string WithoutPath(string message)
    {
        var at = message.LastIndexOf(" : '", StringComparison.Ordinal);
        var text = at > 0 ? message[..at] : message;
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : "an input/output error";
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _stream.Dispose(); // flushes: a full disk may only show here
    }

    /// <summary>The target cannot take output, for a reason found before writing (e.g. it is a folder).</summary>
    private sealed class NotWritableException(string reason) : IOException(reason);
}
