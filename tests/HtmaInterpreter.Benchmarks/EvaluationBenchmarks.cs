using BenchmarkDotNet.Attributes;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// Interpreting one panel (samples/slow-oxidizer.csv with a client context) with every default rule: the rule engine
/// against the same checks hand-written in C# (<see cref="HandWrittenRules"/>, the baseline, building the same
/// findings), the decision alone on both sides (which rules fire, no findings), and, for information, the whole chain
/// (ratios, oxidation, rules).
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private RuleSet _rules = null!;
    private HandWrittenRules _handWritten = null!;
    private HandWrittenDecisions _handDecisions = null!;
    private Panel _panel = null!;
    private RuleInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault().GetValueOrThrow();
        _handWritten = new HandWrittenRules(ElementCatalog.Default, _rules);
        _handDecisions = new HandWrittenDecisions(ElementCatalog.Default);
        _panel = Samples.Read("slow-oxidizer.csv")[0];
        _input = Samples.InputFor(_panel, Samples.CrampsContext);
        Agreement.Check(_rules, _handWritten, _handDecisions);
    }
    // The benchmarks return object: BenchmarkDotNet needs public methods, and RuleEvaluation is internal (no boxing, it is a class).

    /// <summary>The hand-written rules building the same findings as <see cref="Engine"/> (no NotEvaluated list).</summary>
    [Benchmark(Baseline = true)]
    public object HandWritten() => _handWritten.Evaluate(_input);

    /// <summary><see cref="RuleSet.Evaluate"/>: the findings with evidence, and the undecided rules with what they lacked.</summary>
    [Benchmark]
    public object Engine() => _rules.Evaluate(_input);

    /// <summary>The hand-written decision alone: which rules fire, no findings.</summary>
    [Benchmark]
    public List<(string RuleId, string? Subject)> HandWrittenDecisionOnly() => _handDecisions.Evaluate(_input);

    /// <summary>The engine's decision alone (which rules fire), without findings: like for like with <see cref="HandWrittenDecisionOnly"/>.</summary>
    [Benchmark]
    public List<(string RuleId, string? Subject)> EngineDecisionOnly() => _rules.FiredRules(_input);

    [Benchmark]
    public object AnalyseAndEvaluate()
    {
        var analysis = MineralAnalyzer.Default.Analyze(_panel);
        return _rules.Evaluate(new RuleInput(_panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, Samples.CrampsContext));
    }
}
