using System.Security.Cryptography;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Rules;

/// <summary>
/// A loaded, type-checked and compiled set of rules from <c>ratios/rules/*.yaml</c>. Immutable: load it once and share
/// it; evaluating it is safe from many threads at once.
/// </summary>
public sealed partial class RuleSet
{
    private const string ResourcePrefix = "HtmaInterpreter.Defaults/rules/";
    private static readonly Lazy<ParseResult<RuleSet>> DefaultSet = new(() => LoadDefaultCore(RuleLoadOptions.Default));
    private readonly CompiledRuleSet _compiled;
    private readonly ScratchPool _pool;

    private RuleSet(string name, string version, CompiledRuleSet compiled)
    {
        Name = name;
        Version = version;
        _compiled = compiled;
        _pool = new ScratchPool(compiled);
        Rules = [.. compiled.Rules.OrderBy(r => r.Definition.Order).Select(r => r.Info)];
    }

    /// <summary>The set's name: <c>default</c> for the embedded rules, otherwise the folder name.</summary>
    public string Name { get; }

    /// <summary>A short fingerprint of the rule files' names and contents; it changes whenever a rule changes.</summary>
    public string Version { get; }

    /// <summary>The loaded rules in file order (files by name, rules as written).</summary>
    internal IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Whether the embedded rules have been loaded with the default options (and are cached).</summary>
    internal static bool IsDefaultLoaded => DefaultSet.IsValueCreated;

    /// <summary>Loads the rules embedded in the library (<c>ratios/rules/*.yaml</c>). With default options the result is cached and shared.</summary>
    /// <param name="options">What to check rules against, or <c>null</c> for the defaults.</param>
    /// <returns>The rule set and any diagnostics.</returns>
    internal static ParseResult<RuleSet> LoadDefault(RuleLoadOptions? options = null) =>
        options is null || IsDefault(options) ? DefaultSet.Value : LoadDefaultCore(options);

    /// <summary>Whether <paramref name="options"/> hold what the defaults hold (its ratio list compared by content, in order).</summary>
    private static bool IsDefault(RuleLoadOptions options) =>
        options == RuleLoadOptions.Default
        || (options with { KnownRatios = RuleLoadOptions.DefaultKnownRatios } == RuleLoadOptions.Default
            && options.KnownRatios.SequenceEqual(RuleLoadOptions.DefaultKnownRatios, StringComparer.Ordinal));

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file of a folder (not its subfolders), in file-name order.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">What to check rules against, or <c>null</c> for the defaults.</param>
    /// <returns>The rule set (holding the rules that loaded without error) and every diagnostic, located in the files.</returns>
    internal static ParseResult<RuleSet> LoadFromDirectory(string path, RuleLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Directory.Exists(path))
        {
            return ParseResult.Failed<RuleSet>(
                [Diagnostic.Error(DiagnosticCodes.RuleFolderProblem, "The rule folder does not exist.", new SourceLocation(path))]);
        }

        var files = new List<(string, string, string)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in Directory.EnumerateFiles(path)
                     .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            try
            {
                if (DocumentText.ReadFile(file, diagnostics) is { } text)
                {
                    files.Add((Path.GetFileName(file), file, text));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleFileUnreadable, $"The rule file could not be read: {exception.Message}", new SourceLocation(file)));
            }
        }

        if (files.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleFolderProblem, "The rule folder holds no .yaml files.", new SourceLocation(path)));
        }

        return Build(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))), files, options ?? RuleLoadOptions.Default, diagnostics);
    }

    /// <summary>Loads rules from texts held in memory (tests, tools): each entry is a file name and its YAML.</summary>
    internal static ParseResult<RuleSet> LoadFromTexts(IEnumerable<KeyValuePair<string, string>> files, RuleLoadOptions? options = null) =>
        Build("in-memory", [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Key, f.Value))], options ?? RuleLoadOptions.Default, []);

    private static ParseResult<RuleSet> LoadDefaultCore(RuleLoadOptions options)
    {
        var assembly = typeof(RuleSet).Assembly;
        var files = new List<(string, string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var relative = name[ResourcePrefix.Length..];
            files.Add((relative, $"ratios/rules/{relative}", reader.ReadToEnd()));
        }

        return Build("default", files, options, []);
    }

    private static ParseResult<RuleSet> Build(string name, List<(string RelativePath, string DisplayPath, string Text)> files, RuleLoadOptions options, List<Diagnostic> diagnostics)
    {
        var (compiled, loadDiagnostics) = RuleSetLoader.Load(files, options);
        diagnostics.AddRange(loadDiagnostics);
        var hash = new StringBuilder();
        foreach (var (relativePath, _, text) in files)
        {
            hash.Append(relativePath).Append('\0').Append(text.ReplaceLineEndings("\n")).Append('\0');
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())))[..12];
        return new ParseResult<RuleSet>(new RuleSet(name, version, compiled), diagnostics);
    }

    /// <summary>The loaded definition of a rule (texts, bands), for the benchmarks' hand-written baseline; <c>null</c> when not loaded.</summary>
    internal RuleDefinition? DefinitionOf(string id) => Array.Find(_compiled.Rules, r => r.Definition.Id == id)?.Definition;

    /// <summary>
    /// Evaluates every rule on one panel. A rule fires only when its condition is true; a rule whose inputs are missing
    /// is listed in <see cref="RuleEvaluation.NotEvaluated"/> with what it lacked.
    /// </summary>
    /// <param name="input">The panel and what was computed from it.</param>
    /// <returns>The findings (referrals first, then attention, then info; file order within each) and the undecided rules.</returns>
    internal RuleEvaluation Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Panel);
        ArgumentNullException.ThrowIfNull(input.Ratios);
        var scratch = _pool.Rent();
        try
        {
            scratch.State.Load(input);
            return EvaluateFindings(scratch.State, scratch, retest: false);
        }
        finally
        {
            _pool.Return(scratch);
        }
    }

    /// <summary>
    /// Evaluates the retest rules (<c>scope: retest</c>) on a pair of tests of one person: <c>previous.</c> in a condition
    /// reads <paramref name="previous"/>, everything else reads <paramref name="current"/>. Only retest rules are reported;
    /// the panel rules are evaluated on <paramref name="current"/> only so that <c>pattern</c> references to them work.
    /// </summary>
    /// <param name="previous">The earlier test and what was computed from it.</param>
    /// <param name="current">The later test and what was computed from it.</param>
    /// <returns>The retest findings and the retest rules that could not be decided.</returns>
    internal RuleEvaluation EvaluateRetest(RuleInput previous, RuleInput current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous.Panel);
        ArgumentNullException.ThrowIfNull(current.Panel);
        ArgumentNullException.ThrowIfNull(previous.Ratios);
        ArgumentNullException.ThrowIfNull(current.Ratios);
        return EvaluateFindings(new EvaluationState(current, _compiled, previous), new EvaluationScratch(_compiled), retest: true);
    }

    /// <summary>The evaluation loop with a findings sink: findings with evidence and the undecided rules with what they lacked.</summary>
    private RuleEvaluation EvaluateFindings(EvaluationState state, EvaluationScratch scratch, bool retest)
    {
        var sink = new FindingSink(scratch);
        RuleEvaluator.Run(_compiled.Rules, state, retest, ref sink);
        state.ClearMissing();
        return sink.Result();
    }

    /// <summary>
    /// Which rules fire (id and, for a <c>for_each</c> rule, the element), in evaluation order, without building
    /// findings or recording what is missing: the decision part of <see cref="Evaluate"/> on its own: a batch row on the general path, and the benchmarks.
    /// </summary>
    internal List<(string RuleId, string? Subject)> FiredRules(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scratch = _pool.Rent();
        try
        {
            scratch.State.Load(input);
            var fired = new List<(string, string?)>(8);
            FiredRules(scratch.State, fired);
            return fired;
        }
        finally
        {
            _pool.Return(scratch);
        }
    }

    /// <summary>The compiled rules (element and ratio slots) that an <see cref="EvaluationState"/> of this set is laid out by.</summary>
    internal CompiledRuleSet Compiled => _compiled;

    /// <summary>A new empty state for the caller to fill and pass to the <c>FiredRules</c> overload that takes a state.</summary>
    internal EvaluationState CreateState() => new(_compiled);

    /// <summary>
    /// The rules that fire on a filled state as a mask (bit r: the rule evaluated r-th; a set of at most 64 rules), by the
    /// mask evaluator attached to the set once it is ready (see <see cref="CompiledRuleSet.AttachMaskEvaluator"/>), else by
    /// the evaluation loop: the same answer either way.
    /// </summary>
    internal ulong FiredRuleMask(EvaluationState state)
    {
        if (_compiled.MaskEvaluator is not { } evaluator)
        {
            return FiredRules(state, null);
        }

        var recordsMissing = state.RecordsMissing;
        state.RecordsMissing = false;
        try
        {
            return evaluator(state);
        }
        finally
        {
            state.RecordsMissing = recordsMissing;
        }
    }

    /// <summary>The rule ids in evaluation order (the bits of the mask <c>FiredRules</c> returns).</summary>
    internal IEnumerable<string> EvaluationOrder => _compiled.Rules.Select(r => r.Id);

    /// <summary>
    /// Adds the rules that fire on a filled state to <paramref name="fired"/> (when given), in evaluation order (see
    /// <see cref="FiredRules(RuleInput)"/>), and returns them as a mask: bit r for the rule evaluated r-th, for the first 64.
    /// The evaluation loop with a mask sink; it names no missing inputs.
    /// </summary>
    internal ulong FiredRules(EvaluationState state, List<(string RuleId, string? Subject)>? fired)
    {
        var recordsMissing = state.RecordsMissing;
        state.RecordsMissing = false;
        try
        {
            var sink = new MaskSink(fired);
            RuleEvaluator.Run(_compiled.Rules, state, retest: false, ref sink);
            return sink.Mask;
        }
        finally
        {
            state.RecordsMissing = recordsMissing;
        }
    }
}
