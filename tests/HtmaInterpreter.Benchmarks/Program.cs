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
    return;
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

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
