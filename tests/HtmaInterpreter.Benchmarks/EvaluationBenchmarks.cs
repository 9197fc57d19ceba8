using BenchmarkDotNet.Attributes;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// Interpreting one panel (samples/slow-oxidizer.csv with a client context) with every default rule: the rule engine
/// against the same checks hand-written in C# (<see cref="HandWrittenRules"/>, the baseline), and, for information,
/// the whole chain (ratios, oxidation, rules). <see cref="Engine"/> builds full findings with evidence;
/// <see cref="EngineDecisionOnly"/> only decides which rules fire, as the hand-written code does.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private RuleSet _rules = null!;
    private HandWrittenRules _handWritten = null!;
    private Panel _panel = null!;
    private RuleInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSet.LoadDefault().GetValueOrThrow();
        _handWritten = new HandWrittenRules(ElementCatalog.Default);
        _panel = Samples.Read("slow-oxidizer.csv")[0];
        _input = Samples.InputFor(_panel, Samples.CrampsContext);
        Agreement.Check(_rules, _handWritten);
    }

    [Benchmark(Baseline = true)]
    public List<(string RuleId, string? Subject)> HandWritten() => _handWritten.Evaluate(_input);

    [Benchmark]
    public RuleEvaluation Engine() => _rules.Evaluate(_input);

    /// <summary>The engine's decision alone (which rules fire), without findings: like for like with the hand-written code.</summary>
    [Benchmark]
    public List<(string RuleId, string? Subject)> EngineDecisionOnly() => _rules.FiredRules(_input);

    [Benchmark]
    public RuleEvaluation AnalyseAndEvaluate()
    {
        var analysis = MineralAnalyzer.Default.Analyze(_panel);
        return _rules.Evaluate(new RuleInput(_panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, Samples.CrampsContext));
    }
}
