namespace HtmaInterpreter.Rules;

/// <summary>
/// Builds a <see cref="Finding"/> with its evidence for each instance that fires and an <see cref="UnevaluatedRule"/>
/// with what it lacked for each that stays undecided, into the lists of <paramref name="scratch"/>; <see cref="Result"/>
/// sorts them (referrals first, then attention, then info; file order within each).
/// </summary>
internal readonly struct FindingSink(EvaluationScratch scratch) : IRuleSink
{
    /// <inheritdoc/>
    public void Starting(EvaluationState state) => state.ClearMissing();

    /// <inheritdoc/>
    public void Fired(int ruleIndex, CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state)
    {
        var finding = BuildFinding(rule, instance, state, scratch.Evidence);
        scratch.Findings.Add(new Ranked<Finding>(finding, -(int)finding.Severity, rule.Definition.Order, instanceIndex));
    }

    /// <inheritdoc/>
    public void Undecided(CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state) =>
        scratch.NotEvaluated.Add(new Ranked<UnevaluatedRule>(new UnevaluatedRule(rule.Id, instance.Subject, [.. state.Missing]), 0, rule.Definition.Order, instanceIndex));

    /// <inheritdoc/>
    public void NoSubject(CompiledRule rule) =>
        scratch.NotEvaluated.Add(new Ranked<UnevaluatedRule>(new UnevaluatedRule(rule.Id, null, rule.NoSubjectMissing), 0, rule.Definition.Order, 0));

    /// <summary>The findings and undecided rules gathered, each in report order.</summary>
    public RuleEvaluation Result() =>
        new(Ranked<Finding>.SortedValues(scratch.Findings), Ranked<UnevaluatedRule>.SortedValues(scratch.NotEvaluated));

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
}
