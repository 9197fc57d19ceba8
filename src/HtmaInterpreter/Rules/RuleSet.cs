using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
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

    // A few reusable evaluation states and scratch lists, so that an evaluation allocates only its output. Taken and
    // given back with interlocked exchanges: a thread that finds every slot empty makes a new one.
    private readonly Scratch?[] _pool = new Scratch?[4];

    private RuleSet(string name, string version, CompiledRuleSet compiled)
    {
        Name = name;
        Version = version;
        _compiled = compiled;
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
        var scratch = Rent();
        try
        {
            scratch.State.Load(input);
            return EvaluateCore(scratch.State, scratch, retest: false);
        }
        finally
        {
            Return(scratch);
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
        return EvaluateCore(new EvaluationState(current, _compiled, previous), new Scratch(_compiled), retest: true);
    }

    /// <summary>Panel mode skips retest rules; retest mode reports only retest rules (panel rules are decided silently for <c>pattern</c>).</summary>
    private RuleEvaluation EvaluateCore(EvaluationState state, Scratch scratch, bool retest)
    {
        var findings = scratch.Findings;
        var notEvaluated = scratch.NotEvaluated;
        var rules = _compiled.Rules;
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            if (rule.IsRetest && !retest)
            {
                state.RuleResults[r] = Truth.Unknown;
                continue;
            }

            var report = rule.IsRetest == retest;
            var order = rule.Definition.Order;
            var result = Truth.False;
            var applicable = 0;
            var instances = rule.Instances;
            for (var i = 0; i < instances.Count; i++)
            {
                var instance = instances[i];
                if (rule.IsForEach && !state.Elements[instance.SubjectIndex].Present)
                {
                    continue;
                }

                applicable++;
                state.ClearMissing();
                var truth = instance.Condition(state);
                if (!report)
                {
                    if (truth == Truth.True || (truth == Truth.Unknown && result == Truth.False))
                    {
                        result = truth;
                    }

                    continue;
                }

                if (truth == Truth.True)
                {
                    result = Truth.True;
                    var finding = BuildFinding(rule, instance, state, scratch.Evidence);
                    findings.Add(new Ranked<Finding>(finding, -(int)finding.Severity, order, i));
                }
                else if (truth == Truth.Unknown)
                {
                    if (result == Truth.False)
                    {
                        result = Truth.Unknown;
                    }

                    notEvaluated.Add(new Ranked<UnevaluatedRule>(new UnevaluatedRule(rule.Definition.Id, instance.Subject, [.. state.Missing]), 0, order, i));
                }
            }

            if (applicable == 0 && !report)
            {
                result = Truth.Unknown;
            }
            else if (applicable == 0)
            {
                result = Truth.Unknown;
                notEvaluated.Add(new Ranked<UnevaluatedRule>(new UnevaluatedRule(rule.Definition.Id, null, rule.NoSubjectMissing), 0, order, 0));
            }

            state.RuleResults[r] = result;
        }

        state.ClearMissing();
        return new RuleEvaluation(Ranked<Finding>.SortedValues(findings), Ranked<UnevaluatedRule>.SortedValues(notEvaluated));
    }

    private Scratch Rent()
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.Exchange(ref pool[i], null) is { } scratch)
            {
                return scratch;
            }
        }

        return new Scratch(_compiled);
    }

    private void Return(Scratch scratch)
    {
        scratch.Clear();
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], scratch, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>The working data of one evaluation, kept between evaluations: a state and the lists the output is gathered in.</summary>
    private sealed class Scratch(CompiledRuleSet compiled)
    {
        public EvaluationState State { get; } = new(compiled);

        public List<Ranked<Finding>> Findings { get; } = new(8);

        public List<Ranked<UnevaluatedRule>> NotEvaluated { get; } = new(8);

        public EvidenceCollector Evidence { get; } = new();

        public void Clear()
        {
            State.Clear();
            Findings.Clear();
            NotEvaluated.Clear();
            Evidence.Reset(null);
        }
    }

    /// <summary>
    /// Which rules fire (id and, for a <c>for_each</c> rule, the element), in evaluation order, without building
    /// findings or recording what is missing: the decision part of <see cref="Evaluate"/> on its own, for benchmarks.
    /// </summary>
    internal List<(string RuleId, string? Subject)> FiredRules(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scratch = Rent();
        try
        {
            scratch.State.Load(input);
            var fired = new List<(string, string?)>(8);
            FiredRules(scratch.State, fired);
            return fired;
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>The compiled rules (element and ratio slots) that an <see cref="EvaluationState"/> of this set is laid out by.</summary>
    internal CompiledRuleSet Compiled => _compiled;

    /// <summary>A new empty state for the caller to fill and pass to the <c>FiredRules</c> overload that takes a state.</summary>
    internal EvaluationState CreateState() => new(_compiled);

    /// <summary>
    /// The rules that fire on a filled state as a mask (bit r: the rule evaluated r-th; a set of at most 64 rules), by
    /// the set compiled into one method once that is ready (see <see cref="CompiledRuleSet.FiredMaskWhenCompiled"/>),
    /// else by the evaluation loop: the same answer either way.
    /// </summary>
    internal ulong FiredRuleMask(EvaluationState state) => EvaluateMask(state, null, _compiled.FiredMaskWhenCompiled());

    /// <summary>The rule ids in evaluation order (the bits of the mask <c>FiredRules</c> returns).</summary>
    internal IEnumerable<string> EvaluationOrder => _compiled.Rules.Select(r => r.Id);

    /// <summary>
    /// Adds the rules that fire on a filled state to <paramref name="fired"/> (when given), in evaluation order (see
    /// <see cref="FiredRules(RuleInput)"/>), and returns them as a mask: bit r for the rule evaluated r-th, for the first 64.
    /// </summary>
    internal ulong FiredRules(EvaluationState state, List<(string RuleId, string? Subject)>? fired) => EvaluateMask(state, fired, compiled: null);

    /// <summary>
    /// <see cref="FiredRules(EvaluationState, List{ValueTuple{string, string}})"/> by the evaluation loop, or by
    /// <paramref name="compiled"/> (the set compiled into one method) when given; neither names missing inputs.
    /// </summary>
    private ulong EvaluateMask(EvaluationState state, List<(string RuleId, string? Subject)>? fired, Func<EvaluationState, ulong>? compiled)
    {
        var mask = 0UL;
        var recordsMissing = state.RecordsMissing;
        state.RecordsMissing = false;
        try
        {
            if (compiled is not null)
            {
                return compiled(state);
            }

            var rules = _compiled.Rules;
            for (var r = 0; r < rules.Length; r++)
            {
                var rule = rules[r];
                if (rule.IsRetest)
                {
                    state.RuleResults[r] = Truth.Unknown;
                    continue;
                }

                var result = Truth.False;
                var applicable = 0;
                var instances = rule.InstanceArray;
                for (var i = 0; i < instances.Length; i++)
                {
                    var instance = instances[i];
                    if (rule.IsForEach && !state.Elements[instance.SubjectIndex].Present)
                    {
                        continue;
                    }

                    applicable++;
                    var truth = instance.Condition(state);
                    if (truth == Truth.True)
                    {
                        result = Truth.True;
                        fired?.Add((rule.Id, instance.Subject));
                        mask |= r < 64 ? 1UL << r : 0;
                    }
                    else if (truth == Truth.Unknown && result == Truth.False)
                    {
                        result = Truth.Unknown;
                    }
                }

                state.RuleResults[r] = applicable == 0 ? Truth.Unknown : result;
            }
        }
        finally
        {
            state.RecordsMissing = recordsMissing;
        }

        return mask;
    }

    /// <summary>An output with its sort keys: severity (negated, so referrals come first), file order, then instance.</summary>
    private readonly record struct Ranked<T>(T Value, int Severity, int Order, int Instance)
    {
        private int CompareTo(Ranked<T> other) =>
            Severity != other.Severity ? Severity.CompareTo(other.Severity)
            : Order != other.Order ? Order.CompareTo(other.Order)
            : Instance.CompareTo(other.Instance);

        /// <summary>
        /// The values in key order: an insertion sort for the usual short, nearly sorted list; a general sort for a long
        /// one (a long <c>pattern</c> chain arrives reversed, which made the insertion sort quadratic). The keys are unique,
        /// so both give the same order.
        /// </summary>
        public static T[] SortedValues(List<Ranked<T>> items)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items);
            if (span.Length > 32)
            {
                span.Sort(static (a, b) => a.CompareTo(b));
            }

            for (var i = 1; i < span.Length; i++)
            {
                var item = span[i];
                var j = i - 1;
                while (j >= 0 && span[j].CompareTo(item) > 0)
                {
                    span[j + 1] = span[j];
                    j--;
                }

                span[j + 1] = item;
            }

            var values = new T[span.Length];
            for (var i = 0; i < span.Length; i++)
            {
                values[i] = span[i].Value;
            }

            return values;
        }
    }

    private static Finding BuildFinding(CompiledRule rule, CompiledInstance instance, EvaluationState state, EvidenceCollector evidence)
    {
        evidence.Reset(state);
        instance.Explanation.Walk(state, Truth.True, evidence);

        var extra = rule.ExtraEvidence;
        for (var i = 0; i < extra.Count; i++)
        {
            var atom = extra[i];
            evidence.Add(atom.Index == -1 ? atom with { Name = instance.Subject!, Index = instance.SubjectIndex } : atom, null);
        }

        var bands = instance.Bands;
        for (var i = 0; i < bands.Count; i++)
        {
            var band = bands[i];
            if (band.When is not null && band.When(state) != Truth.True)
            {
                continue;
            }

            evidence.AddBand(band);
            break;
        }

        state.ClearMissing();
        var definition = rule.Definition;
        return new Finding
        {
            RuleId = definition.Id,
            Subject = instance.Subject,
            Title = instance.Title,
            Severity = definition.Severity,
            Category = definition.Category,
            Evidence = evidence.Build(),
            Explanation = definition.Explanation,
            Suggestions = definition.Suggestions,
            Source = definition.Source,
            ThresholdSources = definition.ThresholdSources,
            Claims = definition.Claims,
        };
    }

    /// <summary>Gathers evidence items in first-use order, merging the tests that mention the same input.</summary>
    private sealed class EvidenceCollector : IExplainSink
    {
        private readonly List<Item> _items = new(8);
        private EvaluationState _state = null!;

        /// <summary>Starts a new finding on <paramref name="state"/> (or lets go of the last one with <c>null</c>).</summary>
        public void Reset(EvaluationState? state)
        {
            _items.Clear();
            _state = state!;
        }

        public void Use(CompiledLeaf leaf)
        {
            var atoms = leaf.Atoms;
            for (var i = 0; i < atoms.Count; i++)
            {
                Add(atoms[i], leaf.Tests);
            }
        }

        /// <summary>Adds an input with the test it passed (a shared one-item list), or with none.</summary>
        public void Add(EvidenceAtom atom, IReadOnlyList<string>? test)
        {
            var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
            var existing = -1;
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i].Fixed is null && items[i].Atom.Kind == atom.Kind && items[i].Atom.Name == atom.Name)
                {
                    existing = i;
                    break;
                }
            }

            if (existing < 0)
            {
                _items.Add(new Item(atom, test, null, test?.Count ?? 0));
                return;
            }

            if (test is not null)
            {
                ref var item = ref items[existing];
                if (item.Tests is null)
                {
                    item = item with { Tests = test, Count = test.Count };
                }
                else if (!Contains(item.Tests, item.Count, test[0]))
                {
                    // A second test of the same input: only now is a list of its own needed, exactly as long as
                    // that; more tests double it (a condition may test one input hundreds of times).
                    if (item.Tests is not string[] own || item.Count == own.Length)
                    {
                        own = new string[item.Count == 1 ? 2 : item.Count * 2];
                        for (var i = 0; i < item.Count; i++)
                        {
                            own[i] = item.Tests[i];
                        }
                    }

                    own[item.Count] = test[0];
                    item = item with { Tests = own, Count = item.Count + 1 };
                }
            }
        }

        private static bool Contains(IReadOnlyList<string> tests, int count, string test)
        {
            for (var i = 0; i < count; i++)
            {
                if (tests[i] == test)
                {
                    return true;
                }
            }

            return false;
        }

        public void AddBand(CompiledBand band)
        {
            var state = _state;
            double value;
            if (band.Of.Kind == EvidenceKind.Element)
            {
                var reading = state.Elements[band.Of.Index];
                if (!reading.Present || reading.Low != reading.High)
                {
                    return;
                }

                value = reading.Low;
            }
            else
            {
                value = state.Ratios[band.Of.Index];
                if (double.IsNaN(value))
                {
                    return;
                }
            }

            var rows = band.Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                if (value >= row.From && (row.Below is not { } below || value < below))
                {
                    // The band's evidence depends on the row alone: made once at load and shared.
                    _items.Add(new Item(band.Of, null, band.RowEvidence[i]));
                    return;
                }
            }
        }

        public Evidence[] Build()
        {
            var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
            var result = new Evidence[items.Length];
            var count = 0;
            foreach (var (atom, tests, fixedEvidence, testCount) in items)
            {
                var evidence = fixedEvidence ?? Describe(atom, tests is null ? [] : tests.Count == testCount ? tests : ((string[])tests)[..testCount]);
                if (evidence is not null)
                {
                    result[count++] = evidence;
                }
            }

            return count == result.Length ? result : result[..count];
        }

        private Evidence? Describe(EvidenceAtom atom, IReadOnlyList<string> tests)
        {
            // previous.X reads the earlier test of a retest pair.
            var state = _state;
            if ((atom.Previous ? state.Previous : state) is not { } source)
            {
                return null;
            }

            var input = source.Input;
            switch (atom.Kind)
            {
                case EvidenceKind.Element:
                    if (source.Measurements[atom.Index] is not { } measurement)
                    {
                        return null;
                    }

                    var profile = input.LabProfile;
                    return new Evidence
                    {
                        Kind = EvidenceKind.Element,
                        Name = atom.Name,
                        MilligramPercent = source.Amounts[atom.Index],
                        LabValue = profile is not null && Units.TryConvert(measurement.Amount.Value, measurement.Amount.Unit, profile.ReportingUnit, out var inLab)
                            ? new Concentration(inLab, profile.ReportingUnit)
                            : measurement.Amount, // no profile, or too large for its unit (reading warned)
                        Qualifier = measurement.Qualifier,
                        Level = source.Levels?.LevelOf(atom.Index, source.Amounts[atom.Index]),
                        Tests = tests,
                    };
                case EvidenceKind.Ratio:
                    var ratio = source.Ratios[atom.Index];
                    return double.IsNaN(ratio) ? null : new Evidence { Kind = EvidenceKind.Ratio, Name = atom.Name, RatioValue = ratio, Tests = tests };
                case EvidenceKind.Oxidation:
                    if (input.Oxidation is not { } oxidation)
                    {
                        return null;
                    }

                    return new Evidence
                    {
                        Kind = EvidenceKind.Oxidation,
                        Name = atom.Name,
                        Value = atom.Name.EndsWith("four_lows", StringComparison.Ordinal) ? (oxidation.FourLows ? "yes" : "no") : source.OxidationText ??= DescribeOxidation(oxidation),
                        Tests = tests,
                    };
                case EvidenceKind.Client when atom.Name == "sex":
                    return source.Sex == Sex.Unknown ? null : new Evidence { Kind = EvidenceKind.Client, Name = "sex", Value = PanelWords.Name(source.Sex), Tests = tests };
                case EvidenceKind.Client:
                    return source.AgeYears is not { } age ? null : new Evidence { Kind = EvidenceKind.Client, Name = "age", Value = age.ToString(CultureInfo.InvariantCulture), Tests = tests };
                case EvidenceKind.Sample:
                    return source.Treatment == SampleTreatment.Unknown ? null : new Evidence { Kind = EvidenceKind.Sample, Name = "sample", Value = PanelWords.Name(source.Treatment), Tests = tests };
                case EvidenceKind.Context:
                    var stated = input.Context?.ValuesOf(atom.Name);
                    if (stated is null)
                    {
                        return null;
                    }

                    return new Evidence
                    {
                        Kind = EvidenceKind.Context,
                        Name = atom.Name,
                        Value = DescribeContext(stated, atom.Values!),
                        Tests = tests,
                    };
                case EvidenceKind.Rule:
                    var outcome = source.RuleResults[atom.Index] switch
                    {
                        Truth.True => "fired",
                        Truth.False => "not fired",
                        _ => "not evaluated",
                    };
                    return new Evidence { Kind = EvidenceKind.Rule, Name = atom.Name, Value = outcome, Tests = tests };
                default:
                    return null;
            }
        }

        /// <summary>The asked values the client stated, comma-separated, or "none of" the asked values.</summary>
        private static string DescribeContext(IReadOnlySet<string> stated, string[] asked)
        {
            string? single = null;
            var present = 0;
            foreach (var value in asked)
            {
                if (stated.Contains(value))
                {
                    single ??= value;
                    present++;
                }
            }

            return present switch
            {
                0 => "none of " + string.Join(", ", asked),
                1 => single!,
                _ => string.Join(", ", asked.Where(stated.Contains)),
            };
        }

        private static string DescribeOxidation(OxidationResult oxidation)
        {
            var text = OxidationWords.Name(oxidation.Type);
            if (oxidation.Lean is { } lean)
            {
                text += ", leaning " + OxidationWords.Name(lean);
            }

            if (oxidation.Degree != OxidationDegree.None)
            {
                text += ", " + OxidationWords.Name(oxidation.Degree);
            }

            return text;
        }


        /// <summary>
        /// An evidence item being gathered: an input and the tests it passed (the first <paramref name="Count"/> of
        /// <paramref name="Tests"/>), or a finished band.
        /// </summary>
        private readonly record struct Item(EvidenceAtom Atom, IReadOnlyList<string>? Tests, Evidence? Fixed, int Count = 0);
    }
}
