using System.Globalization;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>
/// One line of <c>tests/BadInput/manifest.tsv</c>: an input (a corpus file, <c>gen:</c> for one made at run time, or
/// <c>-</c>), the <c>htma</c> command line that reads it, the exit code and the diagnostic codes expected, and flags.
/// </summary>
/// <param name="Name">The case's unique name (the corpus file's path, with <c>#variant</c> when a file has several command lines).</param>
/// <param name="Input">The corpus file under <c>tests/BadInput/</c>, <c>gen:KIND(N).ext</c>, or <c>-</c>.</param>
/// <param name="Arguments">The command line with placeholders (see <see cref="CorpusWorkspace"/>).</param>
/// <param name="ExitCode">The exit code expected.</param>
/// <param name="Codes">Codes that must appear; a code after <c>!</c> must not.</param>
/// <param name="Flags"><c>isolate</c>, <c>cli-only</c>, <c>pending</c>, <c>no-control</c>, <c>no-formula</c>.</param>
/// <param name="Note">Why, or who is expected to make it pass.</param>
public sealed record CorpusCase(string Name, string Input, string Arguments, int ExitCode, IReadOnlyList<string> Codes, IReadOnlySet<string> Flags, string Note)
{
    /// <summary>The manifest's path.</summary>
    public static string ManifestPath => Path.Combine(TestPaths.RepositoryRoot(), "tests", "BadInput", "manifest.tsv");

    /// <summary>Codes that must appear.</summary>
    public IEnumerable<string> Expected => Codes.Where(c => !c.StartsWith('!'));

    /// <summary>Codes that must not appear.</summary>
    public IEnumerable<string> Forbidden => Codes.Where(c => c.StartsWith('!')).Select(c => c[1..]);

    /// <summary>Whether the case runs in a child process (it may overflow the stack or take gigabytes before it is fixed).</summary>
    public bool Isolated => Flags.Contains("isolate");

    public bool Has(string flag) => Flags.Contains(flag);

    public override string ToString() => Name;

    /// <summary>Reads every case of the manifest.</summary>
    public static IReadOnlyList<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadLines(ManifestPath))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 7)
            {
                throw new FormatException($"manifest.tsv: expected 7 tab-separated columns, got {columns.Length}: {line}");
            }

            cases.Add(new CorpusCase(
                columns[0],
                columns[1],
                columns[2],
                int.Parse(columns[3], CultureInfo.InvariantCulture),
                columns[4] == "-" ? [] : columns[4].Split(','),
                columns[5] == "-" ? new HashSet<string>() : new HashSet<string>(columns[5].Split(','), StringComparer.Ordinal),
                columns[6]));
        }

        return cases;
    }
}
