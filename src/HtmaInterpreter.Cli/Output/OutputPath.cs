using System.Runtime.InteropServices;

namespace HtmaInterpreter.Cli.Output;

/// <summary>What an output path names, after following symbolic links: the file a temporary file replaces, or not.</summary>
internal static class OutputPath
{
    // The file type bits of a Unix mode (POSIX values, the same on Linux and macOS).
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>What is at a path.</summary>
    internal enum Kind
    {
        /// <summary>Nothing yet.</summary>
        Missing,

        /// <summary>A regular file.</summary>
        RegularFile,

        /// <summary>A folder.</summary>
        Folder,

        /// <summary>A device, FIFO, socket or anything else that cannot be replaced by renaming a file over it.</summary>
        Special,
    }

    /// <summary>The path a symbolic link finally points to (the path itself when it is no link) and what is there.</summary>
    internal static (string Path, Kind Kind) Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (IsUnderDevOrProc(full))
        {
            return (full, Kind.Special);
        }

        if (new FileInfo(full).LinkTarget is not null && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
        {
            full = target.FullName;
            if (IsUnderDevOrProc(full))
            {
                return (full, Kind.Special);
            }
        }

        if (System.IO.Directory.Exists(full))
        {
            return (full, Kind.Folder);
        }

        if (!File.Exists(full))
        {
            return (full, Kind.Missing);
        }

        return (full, IsRegularFile(full) ? Kind.RegularFile : Kind.Special);
    }

    /// <summary>
    /// Paths under <c>/dev/</c> and <c>/proc/</c> are devices or the process's own descriptors (<c>/dev/stdout</c>
    /// links to <c>/proc/self/fd/1</c>, which may name the very file a shell redirected to): always written in place.
    /// </summary>
    internal static bool IsUnderDevOrProc(string fullPath) =>
        !OperatingSystem.IsWindows()
        && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));

    /// <summary>
    /// True for a regular file. .NET has no public API for the file type, so on Unix this asks the runtime's own native
    /// shim (libSystem.Native, part of every .NET runtime there), whose status record starts with flags and the mode.
    /// Should that ever be missing, every existing non-folder counts as regular, except under /dev and /proc.
    /// </summary>
    private static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            return Stat(path, out var status) != 0 || (status.Mode & TypeMask) is RegularFile or Directory;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
    }

    // DllImport rather than LibraryImport, which would need the whole tool compiled with unsafe code for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
#pragma warning restore SYSLIB1054

    /// <summary>The start of the runtime's FileStatus; the rest (times, sizes, ids) is room this code does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
