using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Rules;

/// <summary>Reads, parses, type-checks, orders and compiles rule files. Every problem becomes a located diagnostic.</summary>
internal static class RuleSetLoader
{
    /// <summary>How many ids of a long cycle of rules its diagnostic shows at each end.</summary>
    private const int CycleIdsShownAtEachEnd = 8;

    private static readonly string[] EvidenceWords = ["oxidation", "four_lows", "sex", "age", "sample"];

    public static (CompiledRuleSet Rules, List<Diagnostic> Diagnostics) Load(IReadOnlyList<(string RelativePath, string DisplayPath, string Text)> files, RuleLoadOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var catalog = options.Catalog;
        var elementSymbols = catalog.All.Select(e => e.Symbol).ToArray();
        var elementIndex = elementSymbols.Select((symbol, i) => KeyValuePair.Create(symbol, i)).ToFrozenDictionary(StringComparer.Ordinal);
        var ratioNames = options.KnownRatios.Distinct(StringComparer.Ordinal).ToArray();
        var ratioIndex = ratioNames.Select((name, i) => KeyValuePair.Create(name, i)).ToFrozenDictionary(StringComparer.Ordinal);

        // 1. Read every file; keep the first rule of each id.
        var definitions = new List<RuleDefinition>();
        var definitionById = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (relativePath, displayPath, text) in files)
        {
            var source = new SourceText(text, displayPath);
            foreach (var definition in RuleFileReader.Read(source, relativePath, ref order, diagnostics))
            {
                if (!definitionById.TryAdd(definition.Id, definition))
                {
                    var first = definitionById[definition.Id];
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.DuplicateRuleId,
                        $"The rule id '{definition.Id}' is already used at {first.File.Locate(first.IdNode)}.",
                        source.Locate(definition.IdNode, "id")));
                    continue;
                }

                definitions.Add(definition);
            }
        }

        var scope = new ConditionScope
        {
            Catalog = catalog,
            ElementIndex = elementIndex,
            RatioIndex = ratioIndex,
            RuleIds = definitionById.Keys.ToHashSet(StringComparer.Ordinal),
        };

        // 2. Parse and bind every condition.
        var parsed = new Dictionary<string, ParsedRule>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var rule = Bind(definition, scope, diagnostics);
            if (rule is not null)
            {
                parsed[definition.Id] = rule;
            }
        }

        // A panel rule is evaluated on single panels, where retest rules are not: it may not depend on one.
        foreach (var rule in parsed.Values.Where(r => r.Definition.Scope == RuleScope.Panel).ToList())
        {
            foreach (var (target, at) in rule.References)
            {
                if (definitionById.GetValueOrDefault(target) is { Scope: RuleScope.Retest })
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.UnknownPattern,
                        $"'{target}' is a retest rule, evaluated only when tests are compared; a panel rule cannot depend on it.",
                        at.Locate()));
                    parsed.Remove(rule.Definition.Id);
                    break;
                }
            }
        }

        // 3. Drop rules that refer to rules with errors, and the rules that refer to those, and so on.
        DropDependants(parsed, scope.RuleIds, diagnostics);

        // 4. Order by dependencies; rules on a cycle are reported and left out.
        var ordered = Order(parsed, diagnostics);

        // 5. Give each element the rules read a slot (catalogue order); evaluation indexes only those.
        var slotOf = new int[elementSymbols.Length];
        Array.Fill(slotOf, -1);
        foreach (var rule in ordered)
        {
            MarkUsed(rule, slotOf);
        }

        var usedSymbols = new List<string>();
        for (var i = 0; i < slotOf.Length; i++)
        {
            if (slotOf[i] >= 0)
            {
                slotOf[i] = usedSymbols.Count;
                usedSymbols.Add(elementSymbols[i]);
            }
        }

        var ratiosRead = new bool[ratioNames.Length];
        foreach (var rule in ordered)
        {
            MarkRatiosRead(rule.Condition, ratiosRead);
        }

        // 6. Compile.
        var ruleIndex = ordered.Select((rule, i) => KeyValuePair.Create(rule.Definition.Id, i)).ToDictionary(StringComparer.Ordinal);
        var compiler = new ConditionCompiler(elementSymbols, slotOf, ratioNames, ruleIndex);
        var compiled = ordered.Select(rule => Compile(rule, compiler, catalog, slotOf)).ToArray();
        diagnostics.Sort(CompareLocation);
        return (new CompiledRuleSet
        {
            ElementSymbols = [.. usedSymbols],
            ElementIndex = usedSymbols.Select((symbol, i) => KeyValuePair.Create(symbol, i)).ToFrozenDictionary(StringComparer.Ordinal),
            RatioNames = ratioNames,
            RatioIndex = ratioIndex,
            RatiosRead = ratiosRead,
            Rules = compiled,
            Catalog = catalog,
            Compiler = compiler,
            ElementSlots = catalog.All.Select((element, i) => KeyValuePair.Create(element, slotOf[i])).ToFrozenDictionary(ReferenceEqualityComparer.Instance),
        }, diagnostics);
    }

    /// <summary>Marks the ratios a condition compares (by ratio index).</summary>
    private static void MarkRatiosRead(ConditionNode node, bool[] read)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var item in and.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case OrNode or:
                foreach (var item in or.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case NotNode not:
                MarkRatiosRead(not.Operand, read);
                break;
            case CountNode count:
                foreach (var item in count.Items)
                {
                    MarkRatiosRead(item, read);
                }

                break;
            case CompareNode compare:
                foreach (var operand in (ReadOnlySpan<Operand>)[compare.Left, compare.Right])
                {
                    if (operand.Kind == OperandKind.Ratio)
                    {
                        read[operand.Index] = true;
                    }
                }

                break;
        }
    }

    /// <summary>Marks (with 0) in <paramref name="used"/> every catalogue element the rule reads or shows as evidence.</summary>
    private static void MarkUsed(ParsedRule rule, int[] used)
    {
        void Mark(int index)
        {
            if (index >= 0)
            {
                used[index] = 0;
            }
        }

        void Walk(ConditionNode node)
        {
            switch (node)
            {
                case AndNode and:
                    foreach (var item in and.Items)
                    {
                        Walk(item);
                    }

                    break;
                case OrNode or:
                    foreach (var item in or.Items)
                    {
                        Walk(item);
                    }

                    break;
                case NotNode not:
                    Walk(not.Operand);
                    break;
                case CountNode count:
                    foreach (var item in count.Items)
                    {
                        Walk(item);
                    }

                    break;
                case CompareNode compare:
                    foreach (var operand in (ReadOnlySpan<Operand>)[compare.Left, compare.Right])
                    {
                        if (operand.Kind == OperandKind.Element)
                        {
                            Mark(operand.Index);
                        }
                    }

                    break;
                case LevelNode level:
                    Mark(level.ElementIndex);
                    break;
            }
        }

        // The 'element' placeholder (-1) stands for each for_each element, marked here.
        foreach (var subject in rule.ForEach)
        {
            Mark(subject);
        }

        Walk(rule.Condition);
        foreach (var atom in rule.ExtraEvidence)
        {
            if (atom.Kind == EvidenceKind.Element)
            {
                Mark(atom.Index);
            }
        }

        foreach (var (_, of, when) in rule.Bands)
        {
            if (of.Kind == EvidenceKind.Element)
            {
                Mark(of.Index);
            }

            if (when is not null)
            {
                Walk(when);
            }
        }
    }

    private static int CompareLocation(Diagnostic a, Diagnostic b)
    {
        var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = Nullable.Compare(a.Location.Line, b.Location.Line);
        return byLine != 0 ? byLine : Nullable.Compare(a.Location.Column, b.Location.Column);
    }

    private sealed class ParsedRule
    {
        public required RuleDefinition Definition { get; init; }

        public required ConditionNode Condition { get; init; }

        /// <summary>The rules the condition and the bands' conditions name by <c>pattern</c> or <c>fired</c>, each with where it is named.</summary>
        public required List<(string RuleId, ReferenceSite At)> References { get; init; }

        public required int[] ForEach { get; init; }

        public required List<EvidenceAtom> ExtraEvidence { get; init; }

        public required List<(BandDefinition Band, EvidenceAtom Of, ConditionNode? When)> Bands { get; init; }
    }

    /// <summary>Where a condition names a rule: an offset in one <c>when:</c> scalar.</summary>
    private readonly record struct ReferenceSite(ScalarLocator When, int Offset)
    {
        public SourceLocation Locate() => When.Locate(Offset, "when");
    }

    private static ParsedRule? Bind(RuleDefinition definition, ConditionScope scope, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var file = definition.File;
        var isForEach = definition.ForEach is not null;
        var (node, parser) = ConditionParser.Parse(definition.When.Value ?? "", scope, isForEach);
        var whenLocator = new ScalarLocator(file, definition.When);
        foreach (var problem in parser.Problems)
        {
            diagnostics.Add(Diagnostic.Error(problem.Code, problem.Message, whenLocator.Locate(problem.Offset, "when")));
        }

        var references = parser.References.Select(r => (r.RuleId, new ReferenceSite(whenLocator, r.Offset))).ToList();
        var usesNumbers = parser.UsesNumericThreshold;
        CheckPreviousAllowed(definition, parser, whenLocator, diagnostics);

        var forEach = new List<int>();
        foreach (var entry in definition.ForEach ?? [])
        {
            var word = (entry.Value ?? "").Trim();
            if (word is "toxic" or "nutrient")
            {
                var category = word == "toxic" ? ElementCategory.Toxic : ElementCategory.Nutrient;
                forEach.AddRange(scope.Catalog.All.Where(e => e.Category == category).Select(e => scope.ElementIndex[e.Symbol]));
            }
            else if (scope.ElementIndex.TryGetValue(word, out var index))
            {
                forEach.Add(index);
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownElementInRule, $"'{word}' is not an element symbol (for_each takes symbols, 'toxic' or 'nutrient').", file.Locate(entry, "for_each")));
            }
        }

        if (isForEach && forEach.Count == 0 && diagnostics.Count == before)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.RuleSchema, "for_each needs at least one element.", file.Locate(definition.When, "for_each")));
        }

        var extra = new List<EvidenceAtom>();
        foreach (var entry in definition.EvidenceNames)
        {
            var atom = ResolveName(entry.Value ?? "", scope, isForEach, out var problem);
            if (atom is null)
            {
                diagnostics.Add(Diagnostic.Error(problem.Code, problem.Message, ScalarPositions.Locate(file, entry, problem.Offset, "evidence")));
            }
            else
            {
                extra.Add(atom.Value);
            }
        }

        var bands = new List<(BandDefinition, EvidenceAtom, ConditionNode?)>();
        foreach (var band in definition.Bands)
        {
            var of = ResolveName(band.OfNode.Value ?? "", scope, isForEach, out var problem);
            if (of is null || of.Value.Kind is not (EvidenceKind.Element or EvidenceKind.Ratio))
            {
                diagnostics.Add(Diagnostic.Error(
                    of is null ? problem.Code : DiagnosticCodes.ConditionTypeMismatch,
                    of is null ? problem.Message : "A band table looks up an element or a ratio.",
                    ScalarPositions.Locate(file, band.OfNode, of is null ? problem.Offset : 0, "of")));
                continue;
            }

            if (of.Value.Kind == EvidenceKind.Ratio && band.RowsHaveUnit)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConditionTypeMismatch, "A ratio has no unit; remove the units from this band's rows.", file.Locate(band.OfNode, "rows")));
            }

            ConditionNode? when = null;
            if (band.When is { } whenNode)
            {
                var (bandNode, bandParser) = ConditionParser.Parse(whenNode.Value ?? "", scope, isForEach);
                var bandLocator = new ScalarLocator(file, whenNode);
                foreach (var bandProblem in bandParser.Problems)
                {
                    diagnostics.Add(Diagnostic.Error(bandProblem.Code, bandProblem.Message, bandLocator.Locate(bandProblem.Offset, "when")));
                }

                CheckPreviousAllowed(definition, bandParser, bandLocator, diagnostics);
                references.AddRange(bandParser.References.Select(r => (r.RuleId, new ReferenceSite(bandLocator, r.Offset))));
                usesNumbers |= bandParser.UsesNumericThreshold;
                when = bandNode;
            }

            bands.Add((band, of.Value, when));
        }

        if ((usesNumbers || bands.Count > 0) && definition.ThresholdSources.Count == 0 && bands.All(b => string.IsNullOrWhiteSpace(b.Item1.Source)))
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.ThresholdWithoutSource,
                "The condition uses a numeric threshold but the rule names no threshold_sources; every figure needs a source.",
                file.Locate(definition.When, "when")));
        }

        if (node is null || diagnostics.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        return new ParsedRule
        {
            Definition = definition,
            Condition = node,
            References = references,
            ForEach = [.. forEach.Distinct()],
            ExtraEvidence = extra,
            Bands = bands,
        };
    }

    /// <summary><c>previous.</c> reads the earlier test of a retest pair, so only a <c>scope: retest</c> rule may use it.</summary>
    private static void CheckPreviousAllowed(RuleDefinition definition, ConditionParser parser, ScalarLocator locator, List<Diagnostic> diagnostics)
    {
        if (parser.PreviousOffset is { } offset && definition.Scope != RuleScope.Retest)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.ConditionTypeMismatch,
                "'previous.' reads the earlier test of a comparison and is only allowed in a retest rule: add 'scope: retest' to the rule.",
                locator.Locate(offset, "when")));
        }
    }

    /// <summary>Resolves an evidence name: an element symbol, a ratio, <c>element</c> or one of oxidation, four_lows, sex, age, sample.</summary>
    private static EvidenceAtom? ResolveName(string text, ConditionScope scope, bool allowPlaceholder, out ConditionProblem problem)
    {
        problem = default;
        var name = text.Trim();
        var offset = text.Length - text.TrimStart().Length;
        if (Array.IndexOf(EvidenceWords, name) >= 0)
        {
            return name switch
            {
                "oxidation" or "four_lows" => new EvidenceAtom(EvidenceKind.Oxidation, name, 0),
                "sample" => new EvidenceAtom(EvidenceKind.Sample, name, 0),
                _ => new EvidenceAtom(EvidenceKind.Client, name, 0),
            };
        }

        if (name == "element" && allowPlaceholder)
        {
            return new EvidenceAtom(EvidenceKind.Element, "element", -1);
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (scope.RatioIndex.TryGetValue(name, out var ratio))
            {
                return new EvidenceAtom(EvidenceKind.Ratio, name, ratio);
            }

            problem = new ConditionProblem(DiagnosticCodes.UnknownRatioInRule, $"'{name}' is not a known ratio.", offset);
            return null;
        }

        if (scope.ElementIndex.TryGetValue(name, out var element))
        {
            return new EvidenceAtom(EvidenceKind.Element, name, element);
        }

        problem = new ConditionProblem(
            DiagnosticCodes.UnknownElementInRule,
            $"'{name}' is not an element symbol, a known ratio or one of {string.Join(", ", EvidenceWords)}.",
            offset);
        return null;
    }

    /// <summary>
    /// Removes from <paramref name="parsed"/> every rule that refers, directly or through other rules, to a rule of
    /// <paramref name="ruleIds"/> that is not in it (one that had errors), with a diagnostic at the reference.
    /// </summary>
    /// <remarks>
    /// This gives the diagnostics, and their order, of sweeping the rules in file order again and again until none is
    /// dropped (each rule reporting the first of its references missing when it is swept), in time linear in the rules
    /// and references: the sweep that drops a rule is its distance from a missing rule, where a reference costs no
    /// sweep when the rule referred to comes earlier in the file (it was dropped earlier in the same sweep) and one
    /// sweep otherwise; a breadth-first walk with a double-ended queue finds these distances.
    /// </remarks>
    private static void DropDependants(Dictionary<string, ParsedRule> parsed, IReadOnlySet<string> ruleIds, List<Diagnostic> diagnostics)
    {
        var rules = parsed.Values.ToList(); // in file order: nothing was added to the dictionary after a removal
        var position = new Dictionary<string, int>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            position[rules[i].Definition.Id] = i;
        }

        // The sweep in which each rule is dropped (int.MaxValue: never); the dependants of each rule, by position.
        var sweep = new int[rules.Count];
        Array.Fill(sweep, int.MaxValue);
        var dependants = new List<int>?[rules.Count];
        var queue = new LinkedList<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var (target, _) in rules[i].References)
            {
                if (position.TryGetValue(target, out var referenced))
                {
                    (dependants[referenced] ??= []).Add(i);
                }
                else if (ruleIds.Contains(target) && sweep[i] != 1)
                {
                    sweep[i] = 1;
                    queue.AddLast(i);
                }
            }
        }

        var walked = new bool[rules.Count];
        while (queue.First is { } first)
        {
            var rule = first.Value;
            queue.RemoveFirst();
            if (walked[rule])
            {
                continue; // queued again when its sweep came down; walked with that already
            }

            walked[rule] = true;
            foreach (var dependant in dependants[rule] ?? [])
            {
                var cost = Cost(rule, dependant);
                if (cost < sweep[dependant])
                {
                    sweep[dependant] = cost;
                    if (cost == sweep[rule])
                    {
                        queue.AddFirst(dependant);
                    }
                    else
                    {
                        queue.AddLast(dependant);
                    }
                }
            }
        }

        var dropped = Enumerable.Range(0, rules.Count).Where(i => sweep[i] != int.MaxValue).OrderBy(i => sweep[i]).ThenBy(i => i).ToList();
        foreach (var i in dropped)
        {
            var rule = rules[i];
            foreach (var (target, at) in rule.References)
            {
                var missing = position.TryGetValue(target, out var referenced)
                    ? Cost(referenced, i) <= sweep[i]
                    : ruleIds.Contains(target);
                if (missing)
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.UnknownPattern,
                        $"This rule refers to '{target}', which could not be loaded; it is left out too.",
                        at.Locate()));
                    break;
                }
            }

            parsed.Remove(rule.Definition.Id);
        }

        // The sweep in which the rule at 'dependant' finds the rule at 'referenced' gone.
        int Cost(int referenced, int dependant) =>
            sweep[referenced] == int.MaxValue ? int.MaxValue : referenced < dependant ? sweep[referenced] : sweep[referenced] + 1;
    }

    private static List<ParsedRule> Order(Dictionary<string, ParsedRule> parsed, List<Diagnostic> diagnostics)
    {
        var byOrder = parsed.Values.OrderBy(r => r.Definition.Order).ToList();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 visiting, 2 done
        var cycleEnds = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ParsedRule>();

        // A depth-first walk with a stack of its own (each rule and its next reference to follow), not recursion: a
        // chain of rules each naming the next by 'pattern' may be as long as the files allow.
        var path = new List<(ParsedRule Rule, int Next)>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal); // id → its index in path

        void Visit(ParsedRule start)
        {
            state[start.Definition.Id] = 1;
            onPath[start.Definition.Id] = path.Count;
            path.Add((start, 0));
            while (path.Count > 0)
            {
                var (rule, next) = path[^1];
                if (next == rule.References.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(rule.Definition.Id);
                    state[rule.Definition.Id] = 2;
                    ordered.Add(rule);
                    continue;
                }

                path[^1] = (rule, next + 1);
                var (target, at) = rule.References[next];
                if (!parsed.TryGetValue(target, out var referenced))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        state[target] = 1;
                        onPath[target] = path.Count;
                        path.Add((referenced, 0));
                        break;
                    case 1:
                        cycleEnds.Add(target);
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.RuleCycle,
                            $"Rules depend on each other in a cycle: {CycleText(path, onPath[target])} → {target}.",
                            at.Locate()));
                        break;
                }
            }
        }

        foreach (var rule in byOrder)
        {
            if (state.GetValueOrDefault(rule.Definition.Id) == 0)
            {
                Visit(rule);
            }
        }

        // A rule on a cycle, or depending on one, cannot be evaluated. Every rule on a cycle reaches the rule where the
        // cycle was found, and 'ordered' has each rule after those it refers to (but that one), so one pass finds them all.
        var excluded = new HashSet<string>(cycleEnds, StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            if (rule.References.Any(r => excluded.Contains(r.RuleId)))
            {
                excluded.Add(rule.Definition.Id);
            }
        }

        return ordered.Where(r => !excluded.Contains(r.Definition.Id)).ToList();
    }

    /// <summary>
    /// The ids of <paramref name="path"/> from <paramref name="from"/> on, joined by arrows; a long cycle shows its first
    /// and last ids around how many were left out, so that many cycles through a long chain cost no more than their count.
    /// </summary>
    private static string CycleText(List<(ParsedRule Rule, int Next)> path, int from)
    {
        var length = path.Count - from;
        if (length <= 2 * CycleIdsShownAtEachEnd + 1)
        {
            return string.Join(" → ", path.Skip(from).Select(step => step.Rule.Definition.Id));
        }

        var head = path.Skip(from).Take(CycleIdsShownAtEachEnd).Select(step => step.Rule.Definition.Id);
        var tail = path.Skip(path.Count - CycleIdsShownAtEachEnd).Select(step => step.Rule.Definition.Id);
        var skipped = string.Create(CultureInfo.InvariantCulture, $"… {length - (2 * CycleIdsShownAtEachEnd):N0} more …");
        return string.Join(" → ", head.Append(skipped).Concat(tail));
    }

    /// <summary>Compiles a rule; element indexes in what it builds are slots (<paramref name="slotOf"/> by catalogue index).</summary>
    private static CompiledRule Compile(ParsedRule rule, ConditionCompiler compiler, ElementCatalog catalog, int[] slotOf)
    {
        var definition = rule.Definition;
        var isForEach = definition.ForEach is not null;
        var subjects = isForEach ? rule.ForEach : [-1];
        var instances = new List<CompiledInstance>();
        foreach (var subject in subjects)
        {
            var symbol = subject >= 0 ? catalog.All[subject].Symbol : null;
            var title = symbol is null
                ? definition.Title
                : definition.Title.Replace("{element.name}", catalog.All[subject].Name, StringComparison.Ordinal)
                    .Replace("{element}", symbol, StringComparison.Ordinal);
            var bands = rule.Bands.Select(b => new CompiledBand(
                b.Band.Label,
                b.Of.Index == -1 ? b.Of with { Name = symbol!, Index = slotOf[subject] } : b.Of with { Index = ToSlot(b.Of, slotOf) },
                b.When is null ? null : compiler.Compile(b.When, subject),
                b.Band.Rows,
                b.Band.Source,
                b.Of.Kind == EvidenceKind.Element ? "mg%" : "")).ToList();
            var explanation = compiler.Explain(rule.Condition, subject);
            instances.Add(new CompiledInstance(symbol, subject >= 0 ? slotOf[subject] : -1, title, explanation.Condition, explanation, bands, rule.Condition, subject));
        }

        var info = new RuleInfo
        {
            Id = definition.Id,
            Title = definition.Title,
            Category = definition.Category,
            Severity = definition.Severity,
            Condition = (definition.When.Value ?? "").Trim(),
            Source = definition.Source,
            Claims = definition.Claims,
            ForEach = isForEach ? [.. rule.ForEach.Select(i => catalog.All[i].Symbol)] : [],
            File = definition.RelativeFile,
            Scope = definition.Scope,
        };
        var extra = rule.ExtraEvidence.Select(atom => atom with { Index = ToSlot(atom, slotOf) }).ToList();
        return new CompiledRule(definition, info, isForEach, instances, extra);
    }

    /// <summary>An evidence atom's index for evaluation: an element's slot (the placeholder -1 stays), any other index as it is.</summary>
    private static int ToSlot(EvidenceAtom atom, int[] slotOf) =>
        atom.Kind == EvidenceKind.Element && atom.Index >= 0 ? slotOf[atom.Index] : atom.Index;
}
