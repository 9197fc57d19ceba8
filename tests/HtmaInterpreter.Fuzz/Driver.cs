using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// Starts one worker process per core on interleaved input numbers, watches them, starts a crashed or hung worker
/// again after the input it was running (saving that input as a finding), and prints the totals.
/// </summary>
internal static class Driver
{
    private static readonly Dictionary<string, (int Count, double Milliseconds)> TimeByKind = new(StringComparer.Ordinal);

    public static int Run(Options options)
    {
        var clock = Stopwatch.StartNew();
        var seeds = Seeds.Load(options.Root, options.MaxBytes);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: seed {options.Seed}, {(options.Inputs == long.MaxValue ? "no input limit" : $"{options.Inputs:N0} inputs")}{(options.Seconds > 0 ? $", {options.Seconds:0.#} s budget" : "")}, {options.Workers} workers, {seeds.Count} seeds, inputs up to {options.MaxBytes:N0} bytes"));
        if (Directory.Exists(options.Findings))
        {
            foreach (var old in Directory.EnumerateFiles(options.Findings, $"*-{options.Seed}-*"))
            {
                File.Delete(old);
            }
        }

        var findings = new ConcurrentBag<(string Signature, long Index, string Path)>();
        long ran = 0;
        var threads = Enumerable.Range(0, options.Workers).Select(w => new Thread(() =>
        {
            var first = (long)w;
            while (first < options.Inputs)
            {
                var secondsLeft = options.Seconds > 0 ? options.Seconds - clock.Elapsed.TotalSeconds : 0;
                if (options.Seconds > 0 && secondsLeft <= 0)
                {
                    break;
                }

                var (count, next, finished) = RunWorker(options, first, secondsLeft, seeds, findings, clock);
                Interlocked.Add(ref ran, count);
                if (finished)
                {
                    break;
                }

                first = next;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var seconds = clock.Elapsed.TotalSeconds;
        var distinct = findings.GroupBy(f => f.Signature).OrderBy(g => g.Min(f => f.Index)).ToList();
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {ran:N0} inputs run in {seconds:0.0} s ({ran / Math.Max(seconds, 0.001):N0} inputs/s), {findings.Count} findings ({distinct.Count} distinct)"));
        Console.Out.WriteLine("fuzz: " + string.Join(", ", TimeByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
            string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value.Count:N0} inputs, {k.Value.Milliseconds / Math.Max(k.Value.Count, 1):0.0} ms each"))));
        foreach (var group in distinct)
        {
            var first = group.OrderBy(f => f.Index).First();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count(),5} x {group.Key}"));
            Console.Out.WriteLine($"          e.g. input {first.Index}: {first.Path}");
        }

        return findings.IsEmpty ? 0 : 1;
    }

    /// <summary>Runs one worker until it ends; gives how many inputs it finished, where to go on, and whether it reached the end.</summary>
    private static (long Count, long Next, bool Finished) RunWorker(
        Options options, long first, double secondsLeft, IReadOnlyList<Seed> seeds, ConcurrentBag<(string, long, string)> findings, Stopwatch clock)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = typeof(Program).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
            start.ArgumentList.Add(self);
        }
        else
        {
            start.FileName = host;
        }

        foreach (var argument in options.WorkerArguments(first, options.Workers, secondsLeft))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        long running = -1;
        long previous = -1;
        long count = 0;
        var done = false;
        var lastStart = Stopwatch.StartNew();
        var lines = process.StandardOutput;
        var reading = lines.ReadLineAsync();
        while (true)
        {
            if (!reading.Wait(TimeSpan.FromSeconds(1)))
            {
                // Past the time budget: an input still running then is stopped, not counted and not a finding.
                if (options.Seconds > 0 && clock.Elapsed.TotalSeconds > options.Seconds + 2)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    return (count, 0, true);
                }

                if (running >= 0 && lastStart.Elapsed.TotalSeconds > options.HangSeconds)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    // Work an input leaves behind (a background compilation, say) can stall the next one: keep the one before too.
                    var before = "(none)";
                    if (previous >= 0)
                    {
                        var (seed, bytes) = new Mutator(seeds, options.MaxBytes).Make(options.Seed, previous);
                        before = Finding.Save(options, seed, previous, bytes, $"ran just before hung input {running}", "Saved because the input after it on the same worker hung.");
                    }

                    Save(options, seeds, running, $"hang: input still running after {options.HangSeconds:0} s", $"The worker was stopped. The input it ran before: {before}", findings);
                    return (count, running + options.Workers, running + options.Workers >= options.Inputs);
                }

                continue;
            }

            var line = reading.Result;
            if (line is null)
            {
                break;
            }

            if (line.StartsWith("R ", StringComparison.Ordinal))
            {
                if (running >= 0)
                {
                    count++;
                }

                previous = running;
                running = long.Parse(line.AsSpan(2), CultureInfo.InvariantCulture);
                lastStart.Restart();
            }
            else if (line.StartsWith("F ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split('\t');
                findings.Add((parts[1], long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length > 2 ? parts[2] : ""));
            }
            else if (line.StartsWith("T ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split('\t');
                lock (TimeByKind)
                {
                    var (count0, ms) = TimeByKind.GetValueOrDefault(parts[0]);
                    TimeByKind[parts[0]] = (count0 + int.Parse(parts[1], CultureInfo.InvariantCulture), ms + double.Parse(parts[2], CultureInfo.InvariantCulture));
                }
            }
            else if (line == "D")
            {
                done = true;
                if (running >= 0)
                {
                    count++;
                }
            }

            reading = lines.ReadLineAsync();
        }

        process.WaitForExit();
        if (done && process.ExitCode == 0)
        {
            return (count, 0, true);
        }

        var error = stderr.Result;
        if (running < 0)
        {
            Console.Error.WriteLine($"fuzz: a worker ended (exit {process.ExitCode}) before running any input: {error}");
            return (0, 0, true);
        }

        // The worker died while running input `running`: save it, then go on after it.
        var firstLines = string.Join(" | ", error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4));
        var topLibraryFrame = error.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at HtmaInterpreter.", StringComparison.Ordinal)) ?? "";
        Save(options, seeds, running, $"process crash (exit {process.ExitCode}): {firstLines.Split(" | ")[0]} {topLibraryFrame}".TrimEnd(), $"{firstLines}\n\n{error[..Math.Min(error.Length, 20_000)]}", findings);
        return (count + 1, running + options.Workers, running + options.Workers >= options.Inputs);
    }

    private static void Save(Options options, IReadOnlyList<Seed> seeds, long index, string signature, string details, ConcurrentBag<(string, long, string)> findings)
    {
        var (seed, bytes) = new Mutator(seeds, options.MaxBytes).Make(options.Seed, index);
        var path = Finding.Save(options, seed, index, bytes, signature, details);
        findings.Add((signature, index, path));
    }
}
