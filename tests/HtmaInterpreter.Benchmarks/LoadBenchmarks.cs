using BenchmarkDotNet.Attributes;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// Loading the default rule set and the definitions. <see cref="RuleSet.LoadDefault"/> is cached, so these measure a
/// real load each time: from the repository's folders (file reading included), and from texts already in memory
/// (YAML parsing, type-checking and compiling only).
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private KeyValuePair<string, string>[] _ruleTexts = [];
    private string _rulesFolder = "";
    private string _ratiosFolder = "";

    [GlobalSetup]
    public void Setup()
    {
        _rulesFolder = Samples.RulesFolder;
        _ratiosFolder = Samples.RatiosFolder;
        _ruleTexts = [.. Directory.EnumerateFiles(_rulesFolder, "*.yaml").Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllText(f)))];
    }

    [Benchmark]
    public RuleSet RuleSetFromDirectory() => Check(RuleSet.LoadFromDirectory(_rulesFolder));

    [Benchmark]
    public RuleSet RuleSetFromTexts() => Check(RuleSet.LoadFromTexts(_ruleTexts));

    [Benchmark]
    public HtmaDefinitions DefinitionsFromDirectory() => Check(HtmaDefinitions.LoadFromDirectory(_ratiosFolder));

    private static T Check<T>(ParseResult<T> result)
        where T : class =>
        result.Value ?? throw new InvalidOperationException("The load failed.");
}
