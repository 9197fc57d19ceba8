using BenchmarkDotNet.Running;
using HtmaInterpreter.Benchmarks;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

if (args is ["--check"])
{
    // Quick agreement check without running benchmarks.
    var rules = RuleSet.LoadDefault().GetValueOrThrow();
    var (cases, firings) = Agreement.Check(rules, new HandWrittenRules(ElementCatalog.Default, rules), new HandWrittenDecisions(ElementCatalog.Default));
    Console.WriteLine($"Engine and hand-written rules agree, finding by finding, on {cases} cases ({firings} findings).");
    return 0;
}

if (args is ["--best-of"])
{
    // A quick look on a busy machine: the best of 60 rounds of 10 000 evaluations each, the three taking turns.
    var rules = RuleSet.LoadDefault().GetValueOrThrow();
    var handWritten = new HandWrittenRules(ElementCatalog.Default, rules);
    var handDecisions = new HandWrittenDecisions(ElementCatalog.Default);
    var input = Samples.InputFor(Samples.Read("slow-oxidizer.csv")[0], Samples.CrampsContext);
    (string Name, Action Run)[] candidates =
    [
        ("HandWritten", () => handWritten.Evaluate(input)),
        ("Engine", () => rules.Evaluate(input)),
        ("HandWrittenDecisionOnly", () => handDecisions.Evaluate(input)),
        ("EngineDecisionOnly", () => rules.FiredRules(input)),
    ];
    var best = new double[candidates.Length];
    Array.Fill(best, double.MaxValue);
    for (var round = 0; round < 60; round++)
    {
        for (var c = 0; c < candidates.Length; c++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 10_000; i++)
            {
                candidates[c].Run();
            }

            best[c] = Math.Min(best[c], watch.Elapsed.TotalMicroseconds / 10_000);
        }
    }

    for (var c = 0; c < candidates.Length; c++)
    {
        Console.WriteLine($"{candidates[c].Name,-24} {best[c],6:F2} us  {best[c] / best[0],5:F2}x");
    }

    return 0;
}

// Modes used by batch-benchmark.sh; anything else goes to BenchmarkDotNet.
//   generate ROWS OUT.csv TEMPLATE.csv [SEED]   write a wide CSV of ROWS generated panels
//   parse-only FILE.csv                          parse FILE with plain CsvHelper (the baseline) and count rows
//   read-only FILE.csv                           read FILE with PanelReader only (no interpretation)
//   interpret-only FILE.csv                      time Interpreter.Default on the panels of FILE, one thread
//   profile-batch FILE.csv                       CPU us and bytes per panel of the batch's stages, streamed, one thread
//   profile-rows FILE.csv                        wall us per row of the batch's fast row path, CSV row and summary, one thread;
//                                                and of the worker writing the row and the summary itself (WriteWideCsv)
switch (args.FirstOrDefault())
{
    case "generate" when args.Length is 4 or 5:
        var seed = args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20260314;
        var written = WideCsvGenerator.Generate(
            int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2], args[3], seed);
        Console.Error.WriteLine($"generated {written} rows into {args[2]}");
        return 0;
    case "parse-only" when args.Length == 2:
        var (rows, fields) = CsvHelperBaseline.Parse(args[1]);
        Console.WriteLine($"parsed {rows} rows, {fields} fields");
        return 0;
    case "read-only" when args.Length == 2:
        // Our reader without interpretation: splits the batch's time between reading and interpreting.
        using (var stream = File.OpenRead(args[1]))
        {
            long panels = 0, items = 0;
            foreach (var item in new HtmaInterpreter.Readers.PanelReader().ReadWideCsvStream(stream, args[1]))
            {
                items++;
                panels += item.Panel is null ? 0 : 1;
            }

            Console.WriteLine($"read {panels} panels in {items} items");
        }

        return 0;
    case "interpret-only" when args.Length == 2:
        // Reads every panel first (not timed), then interprets them all on one thread.
        var read = new HtmaInterpreter.Readers.PanelReader().ReadFile(args[1]).Value!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long findings = 0;
        foreach (var panel in read)
        {
            findings += HtmaInterpreter.Interpreter.Default.Interpret(panel).Findings.Count;
        }

        Console.WriteLine($"interpreted {read.Count} panels on one thread in {clock.ElapsedMilliseconds} ms ({findings} findings)");
        return 0;
    case "profile" when args.Length == 2:
        {
            // CPU time per phase on one thread (CPU time, so a busy machine disturbs it less than wall time).
            static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
            var interpreter = HtmaInterpreter.Interpreter.Default;
            var analyzer = new HtmaInterpreter.MineralAnalyzer(interpreter.Definitions);
            for (var round = 0; round < 3; round++)
            {
                var t0 = Cpu();
                var panels = new HtmaInterpreter.Readers.PanelReader().ReadFile(args[1]).Value!;
                var t1 = Cpu();
                var analyses = panels.Select(p => analyzer.Analyze(p)).ToList();
                var t2 = Cpu();
                for (var i = 0; i < panels.Count; i++)
                {
                    var a = analyses[i];
                    interpreter.Rules.Evaluate(new HtmaInterpreter.Rules.RuleInput(panels[i], a.Lab, a.Ratios, a.Oxidation, null));
                }

                var t3 = Cpu();
                foreach (var panel in panels)
                {
                    interpreter.Interpret(panel);
                }

                var t4 = Cpu();
                var n = (double)panels.Count;
                Console.WriteLine($"{panels.Count} panels, CPU us/panel: read {(t1 - t0) / n:F1}, analyze {(t2 - t1) / n:F1}, rules {(t3 - t2) / n:F1}, whole Interpret {(t4 - t3) / n:F1}");
            }

            return 0;
        }

    case "profile-read" when args.Length == 2:
        {
            static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
            for (var round = 0; round < 3; round++)
            {
                foreach (var step in new[] { "fields", "locations", "full" })
                {
                    var t0 = Cpu();
                    long count = 0;
                    using var text = new StreamReader(args[1]);
                    if (step == "full")
                    {
                        foreach (var item in new HtmaInterpreter.Readers.PanelReader().ReadWideCsvStream(text, args[1]))
                        {
                            count++;
                        }
                    }
                    else
                    {
                        var diagnostics = new List<HtmaInterpreter.Diagnostics.Diagnostic>();
                        using var source = HtmaInterpreter.Readers.CsvSource.Open(text, args[1], diagnostics)!;
                        while (source.Read(diagnostics))
                        {
                            count++;
                            for (var i = 0; i < source.FieldCount; i++)
                            {
                                if (step == "fields")
                                {
                                    _ = source.Get(i);
                                }
                                else
                                {
                                    _ = source.Field(i, "x");
                                }
                            }
                        }
                    }

                    Console.WriteLine($"{step}: {(Cpu() - t0) / count:F2} CPU us/row");
                }
            }

            return 0;
        }

    case "profile-rows" when args.Length == 2:
        {
            // The batch's fast row path on one thread, from records already in memory: wall us per row of the worker's
            // part (WideCsvRowInterpreter), of writing the CSV row and of the summary, best of 5 rounds.
            var interpreter = HtmaInterpreter.Interpreter.Default;
            var batch = new HtmaInterpreter.Batch.BatchInterpreter(interpreter);
            var lines = File.ReadAllLines(args[1]);
            using var header = new StringReader(lines[0]);
            using var source = HtmaInterpreter.Readers.CsvSource.Open(header, args[1], [])!;
            var layout = HtmaInterpreter.Readers.CsvPanelReader.WideLayout(source, args[1], ElementCatalog.Default);
            var plan = new HtmaInterpreter.Batch.FastPath.WideCsvPlan(layout, batch.FastRun);
            var records = lines.Skip(1).Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
            var rowReader = new HtmaInterpreter.Batch.FastPath.WideCsvRowInterpreter(plan);
            var fastRows = batch.FastRows;
            var results = new HtmaInterpreter.Batch.BatchResult[records.Length];
            long bytesPerRow = 0, directBytesPerRow = 0;
            double bestRows = double.MaxValue, bestWrite = double.MaxValue, bestSummary = double.MaxValue, bestDirect = double.MaxValue;
            var direct = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
            for (var round = 0; round < 5; round++)
            {
                var directSummary = new HtmaInterpreter.Batch.BatchSummaryBuilder();
                var directAllocated = GC.GetAllocatedBytesForCurrentThread();
                var directWatch = System.Diagnostics.Stopwatch.StartNew();
                for (var i = 0; i < records.Length; i++)
                {
                    if ((i & 255) == 0)
                    {
                        direct.ResetWrittenCount(); // as a chunk's output is handed on
                    }

                    if (rowReader.TryDecide(records[i], 0, records[i].Length, i + 2, out var general))
                    {
                        fastRows.WriteCsv(direct, rowReader);
                        directSummary.AddInterpreted(rowReader.Type, rowReader.KeyRatios, rowReader.FiredRules, rowReader.Lab.Id);
                    }
                    else
                    {
                        batch.Interpret(general); // not written: the benchmark's rows are plain
                    }
                }

                bestDirect = Math.Min(bestDirect, directWatch.Elapsed.TotalMicroseconds / records.Length);
                directBytesPerRow = (GC.GetAllocatedBytesForCurrentThread() - directAllocated) / records.Length;

                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = System.Diagnostics.Stopwatch.StartNew();
                for (var i = 0; i < records.Length; i++)
                {
                    results[i] = rowReader.TryDecide(records[i], 0, records[i].Length, i + 2, out var general)
                        ? fastRows.Result(rowReader)
                        : batch.Interpret(general);
                }

                bestRows = Math.Min(bestRows, watch.Elapsed.TotalMicroseconds / records.Length);
                bytesPerRow = (GC.GetAllocatedBytesForCurrentThread() - allocated) / records.Length;
                watch.Restart();
                using (var writer = new HtmaInterpreter.Batch.BatchResultWriter(new StreamWriter(Stream.Null), HtmaInterpreter.Batch.BatchOutputFormat.Csv))
                {
                    foreach (var result in results)
                    {
                        writer.Write(result);
                    }
                }

                bestWrite = Math.Min(bestWrite, watch.Elapsed.TotalMicroseconds / records.Length);
                watch.Restart();
                var summary = new HtmaInterpreter.Batch.BatchSummaryBuilder();
                foreach (var result in results)
                {
                    summary.Add(result);
                }

                summary.Build();
                bestSummary = Math.Min(bestSummary, watch.Elapsed.TotalMicroseconds / records.Length);
            }

            Console.WriteLine($"{records.Length} rows, best of 5, wall us per row: worker {bestRows:F2} ({bytesPerRow} bytes), CSV row {bestWrite:F2}, summary {bestSummary:F2}; "
                + $"written by the worker with the summary (WriteWideCsv's path) {bestDirect:F2} ({directBytesPerRow} bytes)");
            return 0;
        }

    case "profile-batch" when args.Length == 2:
        {
            // The batch's own stages on one thread, streamed as the batch does (nothing kept): CPU us and bytes per panel.
            static double Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds;
            var interpreter = HtmaInterpreter.Interpreter.Default;
            var batch = new HtmaInterpreter.Batch.BatchInterpreter(interpreter);
            for (var round = 0; round < 3; round++)
            {
                var panels = new List<HtmaInterpreter.Panels.Panel>(4096);
                var items = new List<HtmaInterpreter.Readers.PanelReadItem>(4096);
                double readCpu = 0, analyze = 0, rules = 0, whole = 0;
                long readBytes = 0, analyzeBytes = 0, rulesBytes = 0, wholeBytes = 0, count = 0;
                using var text = new StreamReader(args[1]);
                using var all = new HtmaInterpreter.Readers.PanelReader().ReadWideCsvStream(text, args[1]).GetEnumerator();
                var more = true;
                while (more)
                {
                    panels.Clear();
                    items.Clear();
                    var b0 = GC.GetAllocatedBytesForCurrentThread();
                    var t0 = Cpu();
                    while (items.Count < 4096 && (more = all.MoveNext()))
                    {
                        items.Add(all.Current);
                        if (all.Current.Panel is { } p && all.Current.Diagnostics.Count == 0)
                        {
                            panels.Add(p);
                        }
                    }

                    var t1 = Cpu();
                    var b1 = GC.GetAllocatedBytesForCurrentThread();
                    var analyses = new HtmaInterpreter.MineralAnalysis[panels.Count];
                    for (var i = 0; i < panels.Count; i++)
                    {
                        analyses[i] = interpreter.Analyzer.Analyze(panels[i]);
                    }

                    var t2 = Cpu();
                    var b2 = GC.GetAllocatedBytesForCurrentThread();
                    for (var i = 0; i < panels.Count; i++)
                    {
                        interpreter.Rules.FiredRules(new HtmaInterpreter.Rules.RuleInput(panels[i], analyses[i].Lab, analyses[i].Ratios, analyses[i].Oxidation, null));
                    }

                    var t3 = Cpu();
                    var b3 = GC.GetAllocatedBytesForCurrentThread();
                    foreach (var item in items)
                    {
                        batch.Interpret(item);
                    }

                    var t4 = Cpu();
                    var b4 = GC.GetAllocatedBytesForCurrentThread();
                    readCpu += t1 - t0; analyze += t2 - t1; rules += t3 - t2; whole += t4 - t3;
                    readBytes += b1 - b0; analyzeBytes += b2 - b1; rulesBytes += b3 - b2; wholeBytes += b4 - b3;
                    count += items.Count;
                }

                Console.WriteLine($"{count} rows, CPU us (bytes) per panel: read {readCpu / count:F2} ({readBytes / count}), analyze {analyze / count:F2} ({analyzeBytes / count}), fired rules {rules / count:F2} ({rulesBytes / count}), BatchInterpreter.Interpret {whole / count:F2} ({wholeBytes / count})");
            }

            return 0;
        }

    case "allocations" when args.Length == 2:
        {
            // Bytes allocated per row by reading, and per panel by interpreting (streamed, nothing kept).
            var interpreter = HtmaInterpreter.Interpreter.Default;
            for (var round = 0; round < 2; round++)
            {
                long count = 0;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var gcs = GC.CollectionCount(0);
                using (var text = new StreamReader(args[1]))
                {
                    foreach (var item in new HtmaInterpreter.Readers.PanelReader().ReadWideCsvStream(text, args[1]))
                    {
                        count++;
                    }
                }

                var afterRead = GC.GetTotalAllocatedBytes(precise: true);
                using (var text = new StreamReader(args[1]))
                {
                    foreach (var item in new HtmaInterpreter.Readers.PanelReader().ReadWideCsvStream(text, args[1]))
                    {
                        if (item.Panel is { } panel)
                        {
                            interpreter.Interpret(panel);
                        }
                    }
                }

                var all = GC.GetTotalAllocatedBytes(precise: true);
                var analyzer = new HtmaInterpreter.MineralAnalyzer(interpreter.Definitions);
                var sample = new HtmaInterpreter.Readers.PanelReader().ReadFile(args[1]).Value!.Take(10_000).ToList();
                var a0 = GC.GetTotalAllocatedBytes(precise: true);
                var c0 = System.Diagnostics.Stopwatch.StartNew();
                var analyses = sample.Select(p => analyzer.Analyze(p)).ToList();
                var c1 = c0.Elapsed.TotalMicroseconds;
                var a1 = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < sample.Count; i++)
                {
                    interpreter.Rules.Evaluate(new HtmaInterpreter.Rules.RuleInput(sample[i], analyses[i].Lab, analyses[i].Ratios, analyses[i].Oxidation, null));
                }

                var c2 = c0.Elapsed.TotalMicroseconds;
                var a2 = GC.GetTotalAllocatedBytes(precise: true);
                Console.WriteLine($"analyze {(a1 - a0) / sample.Count} B {c1 / sample.Count:F1} us, rules {(a2 - a1) / sample.Count} B {(c2 - c1) / sample.Count:F1} us per panel");
                Console.WriteLine($"read {(afterRead - before) / count} B/row, interpret {(all - afterRead - (afterRead - before)) / count} B/panel, gen0 GCs {GC.CollectionCount(0) - gcs}, gen2 {GC.CollectionCount(2)}");
            }

            return 0;
        }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(WideCsvGenerator).Assembly).Run(args);
        return 0;
}
