using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>
/// A loaded, type-checked and compiled set of rules from <c>ratios/rules/*.yaml</c>. Immutable: load it once and share
/// it; <see cref="Evaluate"/> is safe to call from many threads at once.
/// </summary>
public sealed class RuleSet
{
    private const string ResourcePrefix = "HtmaInterpreter.Defaults/rules/";
    private static readonly Lazy<ParseResult<RuleSet>> DefaultSet = new(() => LoadDefaultCore(RuleLoadOptions.Default));
    private readonly CompiledRuleSet _compiled;

    private RuleSet(string name, string version, CompiledRuleSet compiled)
    {
        Name = name;
        Version = version;
        _compiled = compiled;
        Rules = [.. compiled.Rules.Select(r => r.Info).OrderBy(r => Order(r.Id))];
    }

    /// <summary>The set's name: <c>default</c> for the embedded rules, otherwise the folder name.</summary>
    public string Name { get; }

    /// <summary>A short fingerprint of the rule files' names and contents; it changes whenever a rule changes.</summary>
    public string Version { get; }

    /// <summary>The loaded rules in file order (files by name, rules as written).</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>Loads the rules embedded in the library (<c>ratios/rules/*.yaml</c>). With default options the result is cached and shared.</summary>
    /// <param name="options">What to check rules against, or <c>null</c> for the defaults.</param>
    /// <returns>The rule set and any diagnostics.</returns>
    public static ParseResult<RuleSet> LoadDefault(RuleLoadOptions? options = null) =>
        options is null || options == RuleLoadOptions.Default ? DefaultSet.Value : LoadDefaultCore(options);

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file of a folder (not its subfolders), in file-name order.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="options">What to check rules against, or <c>null</c> for the defaults.</param>
    /// <returns>The rule set (holding the rules that loaded without error) and every diagnostic, located in the files.</returns>
    public static ParseResult<RuleSet> LoadFromDirectory(string path, RuleLoadOptions? options = null)
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
                files.Add((Path.GetFileName(file), file, File.ReadAllText(file)));
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

    private int Order(string id) => Array.Find(_compiled.Rules, r => r.Definition.Id == id)!.Definition.Order;

    /// <summary>
    /// Evaluates every rule on one panel. A rule fires only when its condition is true; a rule whose inputs are missing
    /// is listed in <see cref="RuleEvaluation.NotEvaluated"/> with what it lacked.
    /// </summary>
    /// <param name="input">The panel and what was computed from it.</param>
    /// <returns>The findings (referrals first, then attention, then info; file order within each) and the undecided rules.</returns>
    public RuleEvaluation Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Panel);
        ArgumentNullException.ThrowIfNull(input.Ratios);
        var state = new EvaluationState(input, _compiled);
        var findings = new List<(Finding Finding, int Order, int Instance)>();
        var notEvaluated = new List<(UnevaluatedRule Rule, int Order, int Instance)>();
        var rules = _compiled.Rules;
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            var order = rule.Definition.Order;
            var result = Truth.False;
            var applicable = 0;
            for (var i = 0; i < rule.Instances.Count; i++)
            {
                var instance = rule.Instances[i];
                if (rule.IsForEach && state.Measurements[instance.SubjectIndex] is null)
                {
                    continue;
                }

                applicable++;
                state.ClearMissing();
                var truth = instance.Condition(state);
                if (truth == Truth.True)
                {
                    result = Truth.True;
                    findings.Add((BuildFinding(rule, instance, state), order, i));
                }
                else if (truth == Truth.Unknown)
                {
                    if (result == Truth.False)
                    {
                        result = Truth.Unknown;
                    }

                    notEvaluated.Add((new UnevaluatedRule(rule.Definition.Id, instance.Subject, [.. state.Missing]), order, i));
                }
            }

            if (applicable == 0)
            {
                result = Truth.Unknown;
                var missing = $"any of {string.Join(", ", rule.Instances.Select(i => i.Subject))}";
                notEvaluated.Add((new UnevaluatedRule(rule.Definition.Id, null, [missing]), order, 0));
            }

            state.RuleResults[r] = result;
        }

        state.ClearMissing();
        return new RuleEvaluation(
            [.. findings.OrderByDescending(f => f.Finding.Severity).ThenBy(f => f.Order).ThenBy(f => f.Instance).Select(f => f.Finding)],
            [.. notEvaluated.OrderBy(n => n.Order).ThenBy(n => n.Instance).Select(n => n.Rule)]);
    }

    private static Finding BuildFinding(CompiledRule rule, CompiledInstance instance, EvaluationState state)
    {
        var evidence = new EvidenceCollector(state);
        instance.Explanation.Walk(state, Truth.True, leaf =>
        {
            foreach (var atom in leaf.Atoms)
            {
                evidence.Add(atom, leaf.Text);
            }
        });

        foreach (var atom in rule.ExtraEvidence)
        {
            evidence.Add(atom.Index == -1 ? atom with { Name = instance.Subject!, Index = instance.SubjectIndex } : atom, null);
        }

        foreach (var band in instance.Bands)
        {
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
    private sealed class EvidenceCollector(EvaluationState state)
    {
        private readonly List<(EvidenceAtom Atom, List<string> Tests, Evidence? Fixed)> _items = [];

        public void Add(EvidenceAtom atom, string? test)
        {
            var existing = _items.FindIndex(i => i.Fixed is null && i.Atom.Kind == atom.Kind && i.Atom.Name == atom.Name);
            if (existing < 0)
            {
                _items.Add((atom, [], null));
                existing = _items.Count - 1;
            }

            if (test is not null && !_items[existing].Tests.Contains(test))
            {
                _items[existing].Tests.Add(test);
            }
        }

        public void AddBand(CompiledBand band)
        {
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

            foreach (var row in band.Rows)
            {
                if (value >= row.From && (row.Below is not { } below || value < below))
                {
                    var unit = band.Unit.Length > 0 ? " " + band.Unit : "";
                    _items.Add((band.Of, [], new Evidence
                    {
                        Kind = EvidenceKind.Band,
                        Name = band.Label,
                        Value = row.Label,
                        Tests = [$"{band.Of.Name} {row.Text}{unit} ({band.Source})"],
                    }));
                    return;
                }
            }
        }

        public List<Evidence> Build()
        {
            var result = new List<Evidence>(_items.Count);
            foreach (var (atom, tests, fixedEvidence) in _items)
            {
                var evidence = fixedEvidence ?? Describe(atom, tests);
                if (evidence is not null)
                {
                    result.Add(evidence);
                }
            }

            return result;
        }

        private Evidence? Describe(EvidenceAtom atom, List<string> tests)
        {
            var input = state.Input;
            switch (atom.Kind)
            {
                case EvidenceKind.Element:
                    if (state.Measurements[atom.Index] is not { } measurement)
                    {
                        return null;
                    }

                    var profile = input.LabProfile;
                    return new Evidence
                    {
                        Kind = EvidenceKind.Element,
                        Name = atom.Name,
                        MilligramPercent = measurement.MilligramPercent,
                        LabValue = profile is null ? measurement.Amount : measurement.Amount.To(profile.ReportingUnit),
                        Qualifier = measurement.Qualifier,
                        Level = state.Levels?.LevelOf(atom.Index, state.Amounts[atom.Index]),
                        Tests = tests,
                    };
                case EvidenceKind.Ratio:
                    var ratio = state.Ratios[atom.Index];
                    return double.IsNaN(ratio) ? null : new Evidence { Kind = EvidenceKind.Ratio, Name = atom.Name, RatioValue = ratio, Tests = tests };
                case EvidenceKind.Oxidation:
                    if (input.Oxidation is not { } oxidation)
                    {
                        return null;
                    }

                    return new Evidence { Kind = EvidenceKind.Oxidation, Name = atom.Name, Value = atom.Name == "four_lows" ? (oxidation.FourLows ? "yes" : "no") : DescribeOxidation(oxidation), Tests = tests };
                case EvidenceKind.Client when atom.Name == "sex":
                    return state.Sex == Sex.Unknown ? null : new Evidence { Kind = EvidenceKind.Client, Name = "sex", Value = state.Sex.ToString().ToLowerInvariant(), Tests = tests };
                case EvidenceKind.Client:
                    return state.AgeYears is not { } age ? null : new Evidence { Kind = EvidenceKind.Client, Name = "age", Value = age.ToString(CultureInfo.InvariantCulture), Tests = tests };
                case EvidenceKind.Sample:
                    return state.Treatment == SampleTreatment.Unknown ? null : new Evidence { Kind = EvidenceKind.Sample, Name = "sample", Value = state.Treatment.ToString().ToLowerInvariant(), Tests = tests };
                case EvidenceKind.Context:
                    var stated = input.Context?.ValuesOf(atom.Name);
                    if (stated is null)
                    {
                        return null;
                    }

                    var asked = (atom.Detail ?? "").Split(',');
                    var present = asked.Where(stated.Contains).ToList();
                    return new Evidence
                    {
                        Kind = EvidenceKind.Context,
                        Name = atom.Name,
                        Value = present.Count > 0 ? string.Join(", ", present) : "none of " + string.Join(", ", asked),
                        Tests = tests,
                    };
                case EvidenceKind.Rule:
                    return new Evidence { Kind = EvidenceKind.Rule, Name = atom.Name, Value = "fired", Tests = tests };
                default:
                    return null;
            }
        }

        private static string DescribeOxidation(OxidationResult oxidation)
        {
            var text = new StringBuilder(oxidation.Type.ToString().ToLowerInvariant());
            if (oxidation.Lean is { } lean)
            {
                text.Append(", leaning ").Append(lean.ToString().ToLowerInvariant());
            }

            if (oxidation.Degree != OxidationDegree.None)
            {
                text.Append(", ").Append(oxidation.Degree.ToString().ToLowerInvariant());
            }

            return text.ToString();
        }
    }
}
