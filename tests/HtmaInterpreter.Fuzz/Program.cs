using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// <c>dotnet run --project tests/HtmaInterpreter.Fuzz -c Release -- [--seed N] [--inputs N] [--seconds S] [--workers N]</c>:
/// a deterministic mutation fuzzer. Input <c>i</c> of a run depends only on the seed and <c>i</c>. The inputs are run
/// by worker processes (one per core), so a crash that no catch can stop (a stack overflow) costs one worker, which is
/// started again after the crashing input. Every exception escaping a public method, every non-exhaustive outcome,
/// every crash and every input running longer than <c>--hang-seconds</c> is a finding: its input is saved under
/// <c>artifacts/fuzz-findings/</c> with a <c>.txt</c> beside it, and the run exits 1.
/// Also: <c>replay FILE...</c> runs saved inputs again in this process; <c>library -- ARGS</c> runs an htma command
/// line's inputs through the library (used by the bad-input corpus tests for inputs that may crash the process).
/// </summary>
internal static class Program
{
    internal const int DefaultMaxBytes = 64 * 1024;

    private static int Main(string[] args)
    {
        try
        {
            return args.Length > 0 && args[0] is "worker" or "replay" or "library"
                ? args[0] switch
                {
                    "worker" => Worker.Run(Options.Parse(args.Skip(1).ToArray())),
                    "replay" => Replay(args.Skip(1).ToArray()),
                    _ => Library(args.Skip(1).SkipWhile(a => a == "--").ToArray()),
                }
                : Driver.Run(Options.Parse(args));
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"fuzz: {exception.Message}");
            Console.Error.WriteLine("usage: HtmaInterpreter.Fuzz [--seed N] [--inputs N] [--seconds S] [--workers N] [--max-bytes N] [--hang-seconds S] [--root DIR] [--findings DIR]");
            Console.Error.WriteLine("       HtmaInterpreter.Fuzz replay FILE...   (a saved finding: KIND-SEED-INDEX.ext)");
            return 2;
        }
    }

    private static int Library(string[] args)
    {
        try
        {
            var outcome = CommandLineLibrary.Run(args);
            foreach (var diagnostic in outcome.Diagnostics)
            {
                Console.Out.WriteLine($"DIAGNOSTIC {diagnostic.Code} {diagnostic.Severity}");
            }

            foreach (var problem in outcome.Problems)
            {
                Console.Out.WriteLine($"PROBLEM {problem.ReplaceLineEndings(" ")}");
            }

            return 0;
        }
#pragma warning disable CA1031 // Whatever escapes the library is the finding being reported.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Console.Out.WriteLine($"EXCEPTION {exception.GetType().FullName}: {Finding.TopFrame(exception)}");
            Console.Out.WriteLine(exception.ToString());
            return 3;
        }
    }

    private static int Replay(string[] files)
    {
        var options = Options.Parse([]);
        using var runner = new InputRunner(options.Root);
        var failures = 0;
        foreach (var file in files)
        {
            var kindName = Path.GetFileName(file).Split('-')[0];
            var kind = Enum.Parse<InputKind>(kindName, ignoreCase: true);
            var target = kind == InputKind.Definitions
                ? File.ReadLines(Path.ChangeExtension(file, ".txt")).FirstOrDefault(l => l.StartsWith("file name: ", StringComparison.Ordinal))?["file name: ".Length..] ?? "labs/arl.yaml"
                : "replay" + Path.GetExtension(file);
            var seed = new Seed(file, target, kind, []);
            try
            {
                var outcome = runner.Run(seed, File.ReadAllBytes(file));
                Console.Out.WriteLine($"{file}: {outcome.Diagnostics.Count} diagnostics, {outcome.Problems.Count} problems");
                foreach (var problem in outcome.Problems)
                {
                    failures++;
                    Console.Out.WriteLine($"  problem: {problem}");
                }
            }
#pragma warning disable CA1031 // Replaying a finding: show what escaped.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures++;
                Console.Out.WriteLine($"{file}: {exception}");
            }
        }

        return failures == 0 ? 0 : 1;
    }
}

/// <summary>The command-line options of a run.</summary>
internal sealed record Options(int Seed, long Inputs, double Seconds, int Workers, int MaxBytes, double HangSeconds, string Root, string Findings, long First, long Stride)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            if (arg is not ("--seed" or "--inputs" or "--seconds" or "--workers" or "--max-bytes" or "--hang-seconds" or "--root" or "--findings" or "--first" or "--stride"))
            {
                throw new ArgumentException($"unknown option '{arg}'.");
            }
        }

        var root = Get("--root") ?? FindRoot() ?? throw new ArgumentException("the repository (HtmaInterpreter.sln) was not found above the current folder; give --root.");
        var seconds = Get("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 0;
        var inputs = Get("--inputs") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : seconds > 0 ? long.MaxValue : 30_000;
        return new Options(
            Get("--seed") is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : 1,
            inputs,
            seconds,
            Get("--workers") is { } w ? Math.Max(1, int.Parse(w, CultureInfo.InvariantCulture)) : Environment.ProcessorCount,
            Get("--max-bytes") is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : Program.DefaultMaxBytes,
            Get("--hang-seconds") is { } h ? double.Parse(h, CultureInfo.InvariantCulture) : 30,
            Path.GetFullPath(root),
            Path.GetFullPath(Get("--findings") ?? Path.Combine(root, "artifacts", "fuzz-findings")),
            Get("--first") is { } f ? long.Parse(f, CultureInfo.InvariantCulture) : 0,
            Get("--stride") is { } st ? long.Parse(st, CultureInfo.InvariantCulture) : 1);
    }

    public IEnumerable<string> WorkerArguments(long first, long stride, double secondsLeft) =>
    [
        "worker", "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--inputs", Inputs.ToString(CultureInfo.InvariantCulture),
        "--seconds", secondsLeft.ToString("0.###", CultureInfo.InvariantCulture), "--max-bytes", MaxBytes.ToString(CultureInfo.InvariantCulture),
        "--root", Root, "--findings", Findings, "--first", first.ToString(CultureInfo.InvariantCulture), "--stride", stride.ToString(CultureInfo.InvariantCulture),
    ];

    private static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "HtmaInterpreter.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}

/// <summary>A saved finding: the input file, and a text file saying what happened.</summary>
internal static class Finding
{
    /// <summary>The first stack frame in the library (or the first frame at all): where the exception escaped from.</summary>
    public static string TopFrame(Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var frame = frames.FirstOrDefault(f => f.StartsWith("at HtmaInterpreter.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "(no stack trace)";
        var source = frame.IndexOf(" in ", StringComparison.Ordinal);
        return source > 0 ? frame[..source] : frame;
    }

    /// <summary>Saves the input and its description; gives the input's path.</summary>
    public static string Save(Options options, Seed seed, long index, byte[] bytes, string signature, string details)
    {
        Directory.CreateDirectory(options.Findings);
        var extension = Path.GetExtension(seed.FileName);
        var name = string.Create(CultureInfo.InvariantCulture, $"{seed.Kind.ToString().ToLowerInvariant()}-{options.Seed}-{index}{extension}");
        var path = Path.Combine(options.Findings, name);
        File.WriteAllBytes(path, bytes);
        File.WriteAllText(Path.ChangeExtension(path, ".txt"), string.Create(CultureInfo.InvariantCulture,
            $"signature: {signature}\nseed: {options.Seed}\ninput: {index}\nmade from: {seed.Name}\nfile name: {seed.FileName}\nkind: {seed.Kind}\nbytes: {bytes.Length}\n\n{details}\n"));
        return path;
    }
}

/// <summary>Runs inputs <c>first, first + stride, ...</c> in this process; the driver's child.</summary>
internal static class Worker
{
    public static int Run(Options options)
    {
        var seeds = Seeds.Load(options.Root, options.MaxBytes);
        var mutator = new Mutator(seeds, options.MaxBytes);
        using var runner = new InputRunner(options.Root);
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        var clock = Stopwatch.StartNew();
        var saved = new Dictionary<string, int>(StringComparer.Ordinal);
        var timeByKind = new Dictionary<InputKind, (int Count, double Milliseconds)>();
        for (var index = options.First; index < options.Inputs; index += options.Stride)
        {
            if (options.Seconds > 0 && clock.Elapsed.TotalSeconds >= options.Seconds)
            {
                break;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"R {index}"));
            output.Flush();
            var (seed, bytes) = mutator.Make(options.Seed, index);
            var started = clock.Elapsed.TotalMilliseconds;
            string? signature = null;
            string details = "";
            try
            {
                var outcome = runner.Run(seed, bytes);
                if (outcome.Problems.Count > 0)
                {
                    signature = "non-exhaustive outcome: " + outcome.Problems[0];
                    details = string.Join('\n', outcome.Problems);
                }
            }
#pragma warning disable CA1031 // Every exception escaping the library is a finding, whatever its type.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                signature = $"{exception.GetType().FullName} {Finding.TopFrame(exception)}";
                details = exception.ToString();
            }

            var spent = timeByKind.GetValueOrDefault(seed.Kind);
            timeByKind[seed.Kind] = (spent.Count + 1, spent.Milliseconds + clock.Elapsed.TotalMilliseconds - started);
            if (signature is not null)
            {
                // Keep the first few inputs of each kind of finding; count the rest.
                saved[signature] = saved.GetValueOrDefault(signature) + 1;
                var path = saved[signature] <= 5 ? Finding.Save(options, seed, index, bytes, signature, details) : "(not saved: more of the same)";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F {index}\t{signature.ReplaceLineEndings(" ")}\t{path}"));
            }
        }

        foreach (var (kind, (count, milliseconds)) in timeByKind)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"T {kind}\t{count}\t{milliseconds:0}"));
        }

        output.WriteLine("D");
        output.Flush();
        return 0;
    }
}
