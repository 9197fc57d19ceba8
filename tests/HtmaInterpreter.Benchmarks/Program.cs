using BenchmarkDotNet.Running;
using HtmaInterpreter.Benchmarks;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

if (args is ["--check"])
{
    // Quick agreement check without running benchmarks.
    var (cases, firings) = Agreement.Check(RuleSet.LoadDefault().GetValueOrThrow(), new HandWrittenRules(ElementCatalog.Default));
    Console.WriteLine($"Engine and hand-written rules agree on {cases} cases ({firings} findings).");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
