using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

public class DefaultRuleTests
{
    private static readonly string[] RequiredIds =
    [
        "acute-calcium-magnesium-deficiency", "bio-unavailable-calcium-magnesium", "low-sodium-slow-oxidation",
        "copper-excess-blocks-availability", "fast-oxidation-mineral-depletion", "toxic-metal-displacement",
        "less-bioavailable-mineral-buildup", "potassium-loss-slow-oxidation", "potassium-catabolic-fast-oxidation",
        "exercise-magnesium-depletion", "circulation-referral", "food-sensitivity-diary",
        "calcium-shell", "magnesium-shell", "four-lows", "four-highs", "three-highs", "sodium-potassium-inversion",
        "sympathetic-dominance", "hidden-copper", "toxic-metal-elevated", "washed-sample-caveat",
    ];

    private static ClientContext Symptoms(ClientContext c, params string[] values) => c with { Symptoms = values.ToHashSet() };

    /// <summary>For every default rule: a change to the balanced case that makes it fire, and one that just misses.</summary>
    private static readonly Dictionary<string, (Action<RuleCase> Fires, Action<RuleCase> NearMiss)> Scenarios = new()
    {
        ["acute-calcium-magnesium-deficiency"] = (
            c => c.Set("Ca", 20m).WithContext(x => x with { Diet = new HashSet<string> { "much_sugar" } }),
            c => c.Set("Ca", 20m)),
        ["bio-unavailable-calcium-magnesium"] = (
            c => c.Slow().Set("Ca", 120m).Set("Mg", 12m),
            c => c.Slow().Set("Ca", 120m).Set("Mg", 11m)),
        ["low-sodium-slow-oxidation"] = (
            c => c.Slow().Set("Na", 3m),
            c => c.Fast().Set("Na", 3m)),
        ["copper-excess-blocks-availability"] = (
            c => c.Slow().Set("Cu", 4m),
            c => c.Slow().Set("Cu", 3.9m)),
        ["fast-oxidation-mineral-depletion"] = (
            c => c.Fast().Set("Mg", 1.5m),
            c => c.Fast().Set("Mg", 2m)),
        ["toxic-metal-displacement"] = (
            c => c.Fast().Set("Ca", 20m).Set("Pb", 0.31m),
            c => c.Fast().Set("Ca", 20m).Set("Pb", 0.30m)),
        ["less-bioavailable-mineral-buildup"] = (
            c => c.Fast().Set("Fe", 2m),
            c => c.Slow().Set("Fe", 2m)),
        ["mineral-buildup-not-assessable"] = (
            c => { c.Fast().Set("Cu", 6m).Profile = WithoutCopperRange; },
            c => c.Fast().Set("Cu", 6m)),
        ["copper-excess-not-assessable"] = (
            c => { c.Slow().Set("Cu", 6m).Profile = WithoutCopperRange; },
            c => c.Slow().Set("Cu", 6m)),
        ["potassium-loss-slow-oxidation"] = (
            c => c.Slow().Set("K", 1.5m),
            c => c.Slow().Set("K", 2m)),
        ["potassium-catabolic-fast-oxidation"] = (
            c => c.Fast().Set("K", 30m),
            c => c.Fast().Set("K", 24m)),
        ["exercise-magnesium-depletion"] = (
            c => c.WithContext(x => Symptoms(x, "exercise_cramps")),
            c => c.WithContext(x => Symptoms(x, "leg_cramps"))),
        ["circulation-referral"] = (
            c => c.WithContext(x => x with { Conditions = new HashSet<string> { "arteriosclerosis" } }),
            c => c.WithContext(x => x with { Lifestyle = new HashSet<string> { "sedentary" } })),
        ["circulation-movement"] = (
            c => c.WithContext(x => Symptoms(x, "restless_legs") with { Lifestyle = new HashSet<string> { "long_sitting" } }),
            c => c.WithContext(x => Symptoms(x, "exercise_cramps") with { Lifestyle = new HashSet<string> { "long_sitting" } })),
        ["night-cramps-circulation"] = (
            c => c.WithContext(x => Symptoms(x, "night_cramps")),
            c => c.WithContext(x => Symptoms(x, "leg_cramps", "restless_legs"))),
        ["sympathetic-tone-circulation"] = (
            c => c.Slow().Set("K", 4m).Set("Na", 10m).WithContext(x => Symptoms(x, "restless_legs")),
            c => c.Slow().Set("K", 4m).Set("Na", 10m).WithContext(x => Symptoms(x, "exercise_cramps"))),
        ["food-sensitivity-diary"] = (
            c => c.WithContext(x => Symptoms(x, "cramps_after_meals")),
            c => c.WithContext(x => Symptoms(x, "night_cramps"))),
        ["calcium-shell"] = (
            c => c.Set("Ca", 165m),
            c => c.Set("Ca", 164.9m)),
        ["magnesium-shell"] = (
            c => c.Set("Mg", 20.1m),
            c => c.Set("Mg", 20m)),
        ["four-lows"] = (
            c => c.With(RuleCase.Ox(OxidationType.Slow, fourLows: true)),
            c => c.With(RuleCase.Ox(OxidationType.Slow, fourLows: false))),
        ["four-highs"] = (
            c => c.Set("Ca", 41m).Set("Mg", 7m).Set("Na", 26m).Set("K", 11m),
            c => c.Set("Ca", 41m).Set("Mg", 7m).Set("Na", 26m)),
        ["three-highs"] = (
            c => c.Set("Ca", 41m).Set("Mg", 7m).Set("Na", 26m),
            c => c.Set("Ca", 41m).Set("Mg", 7m).Set("Na", 26m).Set("K", 11m)),
        ["sodium-potassium-inversion"] = (
            c => c.Set("Na", 24m),
            c => c.Set("Na", 25m)),
        ["sympathetic-dominance"] = (
            c => c.Slow().Set("K", 4m).Set("Na", 10m),
            c => c.Slow().Set("K", 4.5m).Set("Na", 15m)),
        ["hidden-copper"] = (
            c => c.Set("Cu", 0.8m),
            c => c.Set("Cu", 0.9m)),
        ["toxic-metal-elevated"] = (
            c => c.Set("Hg", 0.19m),
            c => c.Set("Hg", 0.18m)),
        ["washed-sample-caveat"] = (
            c => c.Treatment = SampleTreatment.Washed,
            c => c.Treatment = SampleTreatment.Unwashed),
    };

    private static RuleSet Rules => RuleSet.LoadDefault().GetValueOrThrow();

    /// <summary>The balanced case and, for every default rule, its firing case and its near miss (for other tests to reuse).</summary>
    internal static IEnumerable<RuleInput> ScenarioInputs()
    {
        yield return new RuleCase().Build();
        foreach (var (fires, nearMiss) in Scenarios.Values)
        {
            var firing = new RuleCase();
            fires(firing);
            yield return firing.Build();
            var missing = new RuleCase();
            nearMiss(missing);
            yield return missing.Build();
        }
    }

    /// <summary>The test profile with no copper range, as the default ARL profile has none.</summary>
    private static readonly Labs.LabProfile WithoutCopperRange = RuleCase.TestProfile with
    {
        Id = "test-no-copper",
        ReferenceRanges = RuleCase.TestProfile.ReferenceRanges.Where(r => r.Key != "Cu").ToDictionary(r => r.Key, r => r.Value),
    };

    private static Labs.LabProfile Arl => HtmaInterpreter.Definitions.HtmaDefinitions.LoadDefault().GetValueOrThrow().FindLab("arl")!;

    private static IEnumerable<TestCaseData> RuleIds() => Scenarios.Keys.Select(id => new TestCaseData(id).SetName($"Rule {id}"));

    [Test]
    public void The_default_rule_set_loads_without_any_diagnostic()
    {
        var result = RuleSet.LoadDefault();

        result.Diagnostics.Should().BeEmpty();
        result.Success.Should().BeTrue();
        result.Value!.Name.Should().Be("default");
        result.Value.Version.Should().MatchRegex("^[0-9a-f]{12}$");
    }

    [Test]
    public void Every_required_rule_id_exists_and_every_rule_has_a_scenario()
    {
        // Retest rules (scope: retest) are never evaluated on one panel; their cases are in Retests/RetestRuleTests.
        var ids = Rules.Rules.Where(r => r.Scope == RuleScope.Panel).Select(r => r.Id).ToList();

        ids.Should().Contain(RequiredIds);
        Scenarios.Keys.Should().BeEquivalentTo(ids, "every default rule needs a firing case and a near miss");
    }

    [Test]
    public void The_balanced_case_fires_nothing_and_leaves_nothing_undecided()
    {
        var result = Rules.Evaluate(new RuleCase().Build());

        result.Findings.Should().BeEmpty();
        result.NotEvaluated.Should().BeEmpty();
    }

    [TestCaseSource(nameof(RuleIds))]
    public void Fires_on_its_case_and_not_on_the_near_miss(string ruleId)
    {
        var (fires, nearMiss) = Scenarios[ruleId];
        var firing = new RuleCase();
        fires(firing);
        var missing = new RuleCase();
        nearMiss(missing);

        var fired = Rules.Evaluate(firing.Build());
        var missed = Rules.Evaluate(missing.Build());

        fired.Findings.Select(f => f.RuleId).Should().Contain(ruleId);
        fired.Findings.First(f => f.RuleId == ruleId).Evidence.Should().NotBeEmpty();
        missed.Findings.Select(f => f.RuleId).Should().NotContain(ruleId);
        missed.NotEvaluated.Select(n => n.RuleId).Should().NotContain(ruleId, "a near miss is decided, not undecided");
    }

    [Test]
    public void Every_claim_of_the_source_document_is_covered()
    {
        var covered = Rules.Rules.SelectMany(r => r.Claims).ToHashSet();

        covered.Should().Contain(Enumerable.Range(1, 19));
    }

    [Test]
    public void Every_rule_names_a_known_source_and_recommends_no_drug_or_dose()
    {
        string[] sections = ["intro", "calcium-magnesium", "slow-oxidation", "fast-oxidation", "potassium", "exercise-magnesium", "circulation", "less-understood"];
        var dose = new Regex(@"\d+\s*(mg|mcg|µg|g|iu|IU|units?)\b", RegexOptions.IgnoreCase);
        var fired = AllFindings();

        foreach (var rule in Rules.Rules)
        {
            (sections.Contains(rule.Source) || rule.Source.StartsWith("domain", StringComparison.Ordinal)).Should().BeTrue($"{rule.Id} names its source");
        }

        foreach (var finding in fired)
        {
            var text = finding.Explanation + " " + string.Join(" ", finding.Suggestions);
            text.Should().NotContainEquivalentOf("quinine");
            dose.IsMatch(string.Join(" ", finding.Suggestions)).Should().BeFalse($"{finding.RuleId} suggests no dose");
        }
    }

    [Test]
    public void No_rule_text_reads_as_treatment_advice()
    {
        // Every default rule, panel and retest, read from the YAML files: title, explanation and each suggestion.
        var imperative = new Regex(@"^(treat|take|give|prescribe|administer|dose|inject|apply|use)\b", RegexOptions.IgnoreCase);
        var dose = new Regex(@"\d+\s*(mg|mcg|µg|g|iu|IU|units?)\b(?!%)", RegexOptions.IgnoreCase);
        string[] drugs = ["quinine", "medication", "drug", "prescription"];
        var texts = RuleTexts().ToList();

        texts.Select(t => t.Id).Distinct().Should().BeEquivalentTo(Rules.Rules.Select(r => r.Id), "every default rule's text is checked");
        foreach (var (id, part, text) in texts)
        {
            foreach (var drug in drugs)
            {
                text.Should().NotContainEquivalentOf(drug, $"{id} {part} names no drug");
            }

            if (part == "suggestion")
            {
                imperative.IsMatch(text.TrimStart()).Should().BeFalse($"{id} suggestion \"{text}\" must not read as a treatment order");
                dose.IsMatch(text).Should().BeFalse($"{id} suggestion \"{text}\" gives no dose");
            }
        }
    }

    [Test]
    public void Hidden_copper_signs_do_not_claim_copper_excess()
    {
        // A slow oxidizer whose only copper sign is a Na/K inversion (Na 20, K 10): hidden copper fires, copper excess does not.
        var inversionOnly = Rules.Evaluate(new RuleCase().Slow().Set("Na", 20m).Build());
        var ids = inversionOnly.Findings.Select(f => f.RuleId).ToList();
        ids.Should().Contain("hidden-copper").And.NotContain("copper-excess-blocks-availability");

        var hidden = inversionOnly.Findings.Single(f => f.RuleId == "hidden-copper");
        (hidden.Title + " " + hidden.Explanation + " " + string.Join(" ", hidden.Suggestions))
            .Should().Contain("not as too much copper").And.NotContain("excess copper").And.NotContain("copper excess");

        // Open excess (Cu above the range) still drives the slow-oxidation copper finding.
        Rules.Evaluate(new RuleCase().Slow().Set("Cu", 4m).Build()).Findings.Select(f => f.RuleId)
            .Should().Contain("copper-excess-blocks-availability");
    }

    [Test]
    public void On_the_arl_profile_iron_manganese_and_copper_are_never_a_silent_gap_for_claims_7_and_12()
    {
        // Issue 14 item 1: Fe 3, Mn 0.5, Cu 6 mg% with a fast lean. Fe and Mn are above Wilson's published cut-offs
        // (about 1.8 and 0.04 mg%), so the real build-up finding fires and nothing about it is left undecided.
        var issuePanel = Rules.Evaluate(new RuleCase { Profile = Arl }.Fast().Set("Fe", 3m).Set("Mn", 0.5m).Set("Cu", 6m).Build());
        var buildup = issuePanel.Findings.Should().ContainSingle(f => f.RuleId == "less-bioavailable-mineral-buildup").Subject;
        buildup.Evidence.Where(e => e.Kind == EvidenceKind.Element).Select(e => (e.Name, e.Level))
            .Should().BeEquivalentTo([("Fe", (Labs.ElementLevel?)Labs.ElementLevel.High), ("Mn", Labs.ElementLevel.High)]);
        issuePanel.Findings.Select(f => f.RuleId).Should().NotContain("mineral-buildup-not-assessable");
        issuePanel.NotEvaluated.Select(n => n.RuleId).Should().NotContain(["less-bioavailable-mineral-buildup", "mineral-buildup-not-assessable"]);

        // Fe and Mn below their cut-offs: only copper could have decided it, and ARL has no copper limit. The gap is a finding.
        var copperOnly = Rules.Evaluate(new RuleCase { Profile = Arl }.Fast().Set("Fe", 1.0m).Set("Mn", 0.02m).Set("Cu", 6m).Build());
        copperOnly.Findings.Select(f => f.RuleId).Should().NotContain("less-bioavailable-mineral-buildup");
        var gap = copperOnly.Findings.Should().ContainSingle(f => f.RuleId == "mineral-buildup-not-assessable").Subject;
        gap.Subject.Should().Be("Cu");
        gap.Title.Should().Be("Copper could not be checked for a build-up: no published high limit in this lab profile");
        gap.Severity.Should().Be(RuleSeverity.Info);
        gap.Claims.Should().Equal(12);
        gap.Explanation.Should().Contain("not a sign that the reading is normal");
        gap.Suggestions.Should().Contain(s => s.Contains("lab's own report", StringComparison.Ordinal));
        copperOnly.NotEvaluated.Should().ContainSingle(n => n.RuleId == "less-bioavailable-mineral-buildup")
            .Which.MissingInputs.Should().Equal("Cu reference range or limit in lab profile 'arl'");

        // Slow lean, Cu 6 and no toxic metal above its limit: the copper-excess check (claim 7) is blocked by the missing
        // copper limit, and says so; the fast-oxidation build-up check is decided false, not blocked.
        var slow = Rules.Evaluate(new RuleCase { Profile = Arl }.Slow().Set("Cu", 6m).Set("Al", 0.02m).Build());
        var copper = slow.Findings.Should().ContainSingle(f => f.RuleId == "copper-excess-not-assessable").Subject;
        copper.Claims.Should().Equal(7);
        copper.Evidence.Should().ContainSingle(e => e.Kind == EvidenceKind.Element && e.Name == "Cu")
            .Which.Level.Should().Be(Labs.ElementLevel.Unknown);
        copper.Evidence.Should().ContainSingle(e => e.Kind == EvidenceKind.Rule)
            .Which.Should().Match<Evidence>(e => e.Name == "copper-excess-blocks-availability" && e.Value == "not evaluated");
        slow.Findings.Select(f => f.RuleId).Should().NotContain(["copper-excess-blocks-availability", "mineral-buildup-not-assessable"]);
        slow.NotEvaluated.Select(n => n.RuleId).Should().NotContain(["mineral-buildup-not-assessable", "less-bioavailable-mineral-buildup", "copper-excess-not-assessable"]);

        // An elevated toxic metal decides claim 7 on ARL after all: the real finding fires and the gap finding does not.
        var toxic = Rules.Evaluate(new RuleCase { Profile = Arl }.Slow().Set("Cu", 6m).Set("Al", 0.05m).Build());
        toxic.Findings.Select(f => f.RuleId).Should().Contain("copper-excess-blocks-availability").And.NotContain("copper-excess-not-assessable");
    }

    [Test]
    public void Profiles_with_iron_manganese_and_copper_ranges_give_no_cannot_assess_finding()
    {
        // TEI-style ranges, every reading within them: both checks are decided false.
        foreach (var oxidation in new[] { new RuleCase().Fast(), new RuleCase().Slow() })
        {
            var result = Rules.Evaluate(oxidation.Set("Fe", 1.5m).Set("Mn", 0.1m).Set("Cu", 3.9m).Build());
            result.Findings.Select(f => f.RuleId).Should().NotContain(
                ["mineral-buildup-not-assessable", "copper-excess-not-assessable", "less-bioavailable-mineral-buildup", "copper-excess-blocks-availability"]);
            result.NotEvaluated.Should().BeEmpty();
        }

        // A reading missing from the panel is an ordinary missing input, not a gap in the profile.
        var noCopper = Rules.Evaluate(new RuleCase { Profile = WithoutCopperRange }.Slow().Without("Cu").Build());
        noCopper.Findings.Select(f => f.RuleId).Should().NotContain("copper-excess-not-assessable");
        noCopper.NotEvaluated.Should().Contain(n => n.RuleId == "copper-excess-not-assessable" && n.MissingInputs.Contains("Cu"));
    }

    [Test]
    public void Bio_unavailable_calcium_magnesium_by_four_highs_needs_a_slow_lean()
    {
        static RuleCase FourHighs() => new RuleCase().Set("Ca", 41m).Set("Mg", 7m).Set("Na", 26m).Set("K", 11m);

        Rules.Evaluate(FourHighs().Slow().Build()).Findings.Select(f => f.RuleId)
            .Should().Contain(["four-highs", "bio-unavailable-calcium-magnesium"]);
        Rules.Evaluate(FourHighs().With(RuleCase.Ox(OxidationType.Mixed, OxidationType.Slow)).Build()).Findings.Select(f => f.RuleId)
            .Should().Contain("bio-unavailable-calcium-magnesium");

        var fast = Rules.Evaluate(FourHighs().Fast().Build());
        fast.Findings.Select(f => f.RuleId).Should().Contain("four-highs").And.NotContain("bio-unavailable-calcium-magnesium");
        fast.NotEvaluated.Select(n => n.RuleId).Should().NotContain("bio-unavailable-calcium-magnesium");
    }

    [Test]
    public void Circulation_referral_is_a_referral_that_sends_to_a_physician_and_comes_first()
    {
        var input = new RuleCase().Set("Ca", 170m)
            .WithContext(x => x with { Conditions = new HashSet<string> { "pregnancy" }, Symptoms = new HashSet<string> { "cramps_after_meals" } })
            .Build();

        var findings = Rules.Evaluate(input).Findings;

        findings[0].RuleId.Should().Be("circulation-referral");
        findings[0].IsReferral.Should().BeTrue();
        findings[0].Severity.Should().Be(RuleSeverity.Refer);
        string.Join(" ", findings[0].Suggestions).Should().Contain("physician");
        findings.Select(f => f.Severity).Should().BeInDescendingOrder();
        findings.Select(f => f.RuleId).Should().ContainInOrder("circulation-referral", "calcium-shell", "food-sensitivity-diary");
    }

    [TestCase(Sex.Female, 212, "2×")]
    [TestCase(Sex.Female, 640, "8×")]
    [TestCase(Sex.Male, 155, "1×")]
    [TestCase(Sex.Male, 339, "4×")]
    public void Calcium_shell_reports_wilsons_multiple_by_sex(Sex sex, int calcium, string multiple)
    {
        var input = new RuleCase { Sex = sex }.Set("Ca", calcium).Build();

        var shell = Rules.Evaluate(input).Findings.Single(f => f.RuleId == "calcium-shell");

        var band = shell.Evidence.Single(e => e.Kind == EvidenceKind.Band);
        band.Name.Should().Be("calcium shell multiple");
        band.Value.Should().Be(multiple);
        var ca = shell.Evidence.Single(e => e.Name == "Ca");
        ca.MilligramPercent.Should().Be(calcium);
        ca.Tests.Should().ContainSingle().Which.Should().Be(sex == Sex.Female ? "Ca >= 165 mg%" : "Ca >= 155 mg%");
        shell.Evidence.Should().Contain(e => e.Name == "sex" && e.Value == (sex == Sex.Female ? "female" : "male"));
    }

    [Test]
    public void Male_calcium_above_the_published_multiples_fires_without_a_band()
    {
        var shell = Rules.Evaluate(new RuleCase { Sex = Sex.Male }.Set("Ca", 400m).Build()).Findings.Single(f => f.RuleId == "calcium-shell");

        shell.Evidence.Should().NotContain(e => e.Kind == EvidenceKind.Band);
    }

    [Test]
    public void Calcium_shell_without_a_sex_is_undecided_and_says_so()
    {
        var input = new RuleCase { Sex = Sex.Unknown }.Set("Ca", 170m).WithContext(c => c with { Sex = Sex.Unknown }).Build();

        var result = Rules.Evaluate(input);

        result.Findings.Select(f => f.RuleId).Should().NotContain("calcium-shell");
        result.NotEvaluated.Should().ContainSingle(n => n.RuleId == "calcium-shell").Which.MissingInputs.Should().Equal("sex");
        result.NotEvaluated.Should().Contain(n => n.RuleId == "hidden-copper", "hidden copper depends on the calcium shell");
    }

    [Test]
    public void Sex_from_the_client_context_is_used_when_the_panel_has_none()
    {
        var input = new RuleCase { Sex = Sex.Unknown }.Set("Ca", 160m).WithContext(c => c with { Sex = Sex.Male }).Build();

        Rules.Evaluate(input).Findings.Select(f => f.RuleId).Should().Contain("calcium-shell");
    }

    [Test]
    public void Toxic_metal_elevated_gives_one_finding_per_metal_with_lab_unit_evidence()
    {
        var profile = RuleCase.TestProfile with { ReportingUnit = ConcentrationUnit.MicrogramPerGram };
        var input = new RuleCase { Profile = profile }.Set("Pb", 0.5m).Set("Cd", 0.02m).Build();

        var toxic = Rules.Evaluate(input).Findings.Where(f => f.RuleId == "toxic-metal-elevated").ToList();

        toxic.Select(f => f.Subject).Should().Equal("Pb", "Cd");
        toxic[0].Title.Should().Be("Elevated Lead (Pb)");
        var lead = toxic[0].Evidence.Single();
        lead.Name.Should().Be("Pb");
        lead.MilligramPercent.Should().Be(0.5m);
        lead.LabValue.Should().Be(new Concentration(5m, ConcentrationUnit.MicrogramPerGram));
        lead.Level.Should().Be(Labs.ElementLevel.Elevated);
        lead.Tests.Should().Equal("Pb is elevated");
    }

    [Test]
    public void A_toxic_metal_below_the_detection_limit_is_decided_as_not_elevated()
    {
        var input = new RuleCase().Set("Pb", 0.002m, MeasurementQualifier.BelowDetectionLimit).Set("Hg", 0m, MeasurementQualifier.NotDetected).Build();

        var result = Rules.Evaluate(input);

        result.Findings.Should().BeEmpty();
        result.NotEvaluated.Should().BeEmpty();
    }

    [Test]
    public void A_detection_limit_above_the_toxic_limit_leaves_the_metal_undecided()
    {
        var input = new RuleCase().Set("Pb", 0.5m, MeasurementQualifier.BelowDetectionLimit).Build();

        var result = Rules.Evaluate(input);

        result.Findings.Should().BeEmpty();
        var pb = result.NotEvaluated.Single(n => n.RuleId == "toxic-metal-elevated");
        pb.Subject.Should().Be("Pb");
        pb.MissingInputs.Single().Should().StartWith("Pb (an exact value is not reported");
    }

    [Test]
    public void Missing_inputs_are_reported_per_rule_instead_of_a_silent_false()
    {
        var input = new RuleCase { Profile = null, Context = null }.Without("K").With(null).Build();

        var result = Rules.Evaluate(input);

        var byId = result.NotEvaluated.Where(n => n.Subject is null).ToDictionary(n => n.RuleId, n => n.MissingInputs);
        byId["low-sodium-slow-oxidation"].Should().Equal("oxidation type", "lab profile");
        byId["exercise-magnesium-depletion"].Should().Equal("client context: symptoms");
        byId["sodium-potassium-inversion"].Should().Equal("Na/K");
        byId["sympathetic-dominance"].Should().Equal("oxidation type", "K", "Na/K");
        byId["hidden-copper"].Should().BeEquivalentTo("Na/K", "lab profile");
        result.NotEvaluated.Where(n => n.RuleId == "toxic-metal-elevated").Should().OnlyContain(n => n.MissingInputs.SequenceEqual(new[] { "lab profile" }));
        result.Findings.Should().BeEmpty();
    }

    [Test]
    public void A_false_branch_decides_a_rule_even_when_other_inputs_are_missing()
    {
        // four-highs needs all four above ideal: Ca at its ideal decides it as false, whatever K is.
        var result = Rules.Evaluate(new RuleCase().Without("K").Build());

        result.NotEvaluated.Select(n => n.RuleId).Should().NotContain("four-highs");
        result.NotEvaluated.Select(n => n.RuleId).Should().Contain("sodium-potassium-inversion");
    }

    [Test]
    public void Mixed_oxidation_leaning_slow_counts_for_slow_lean_rules_only()
    {
        var leaning = new RuleCase().With(RuleCase.Ox(OxidationType.Mixed, OxidationType.Slow)).Set("Na", 3m).Set("K", 1.5m).Build();

        var ids = Rules.Evaluate(leaning).Findings.Select(f => f.RuleId).ToList();

        ids.Should().Contain("low-sodium-slow-oxidation").And.Contain("potassium-loss-slow-oxidation");
        ids.Should().NotContain("sympathetic-dominance", "that pattern asks for oxidation is slow, not a slow lean");
    }

    [Test]
    public void Night_cramps_alone_fire_the_night_circulation_finding_without_any_lifestyle_flag()
    {
        var alone = new RuleCase().WithContext(x => Symptoms(x, "night_cramps"));
        var notStated = new RuleCase().WithContext(x => Symptoms(x, "night_cramps") with { Lifestyle = null, Conditions = null });
        var sitting = new RuleCase().WithContext(x => Symptoms(x, "night_cramps") with { Lifestyle = new HashSet<string> { "long_sitting" } });

        var aloneIds = Rules.Evaluate(alone.Build()).Findings.Select(f => f.RuleId).ToList();
        var notStatedResult = Rules.Evaluate(notStated.Build());
        var sittingIds = Rules.Evaluate(sitting.Build()).Findings.Select(f => f.RuleId).ToList();

        aloneIds.Should().Equal("night-cramps-circulation");
        notStatedResult.Findings.Select(f => f.RuleId).Should().Contain("night-cramps-circulation", "an unstated lifestyle does not matter to it");
        notStatedResult.NotEvaluated.Select(n => n.RuleId).Should().NotContain("night-cramps-circulation");
        sittingIds.Should().Contain("night-cramps-circulation").And.Contain("circulation-movement");
        var finding = Rules.Evaluate(alone.Build()).Findings.Single();
        finding.Severity.Should().Be(RuleSeverity.Info);
        finding.Claims.Should().Equal(17, 18);
        finding.Suggestions.Should().ContainMatch("*stretching*");
    }

    [Test]
    public void Cramps_with_fast_oxidation_fire_the_sympathetic_tone_finding_but_not_a_fast_lean_or_no_cramps()
    {
        var fast = new RuleCase().Fast().WithContext(x => Symptoms(x, "leg_cramps"));
        var leaningFast = new RuleCase().With(RuleCase.Ox(OxidationType.Mixed, OxidationType.Fast)).WithContext(x => Symptoms(x, "leg_cramps"));
        var fastNoCramps = new RuleCase().Fast().WithContext(x => Symptoms(x, "cramps_after_meals"));
        var slowNoDominance = new RuleCase().Slow().WithContext(x => Symptoms(x, "leg_cramps"));

        var fired = Rules.Evaluate(fast.Build()).Findings.Single(f => f.RuleId == "sympathetic-tone-circulation");

        fired.Severity.Should().Be(RuleSeverity.Info);
        fired.Explanation.Should().Contain("rare");
        fired.Evidence.Select(e => e.Name).Should().Equal("symptoms", "oxidation");
        Rules.Evaluate(leaningFast.Build()).Findings.Select(f => f.RuleId).Should().NotContain("sympathetic-tone-circulation");
        Rules.Evaluate(fastNoCramps.Build()).Findings.Select(f => f.RuleId).Should().NotContain("sympathetic-tone-circulation");
        Rules.Evaluate(slowNoDominance.Build()).Findings.Select(f => f.RuleId).Should().NotContain("sympathetic-tone-circulation");
    }

    [Test]
    public void The_sympathetic_tone_finding_names_the_sympathetic_dominance_pattern_as_its_sign()
    {
        var input = new RuleCase().Slow().Set("K", 4m).Set("Na", 10m).WithContext(x => Symptoms(x, "night_cramps")).Build();

        var findings = Rules.Evaluate(input).Findings;

        var finding = findings.Single(f => f.RuleId == "sympathetic-tone-circulation");
        finding.Evidence.Select(e => (e.Name, e.Value)).Should().Equal(("symptoms", "night_cramps"), ("sympathetic-dominance", "fired"));
        findings.Select(f => f.RuleId).Should().Contain("night-cramps-circulation").And.NotContain("circulation-referral");
    }

    [Test]
    public void Concurrent_evaluation_on_one_shared_rule_set_gives_identical_results()
    {
        var rules = Rules;
        var inputs = Scenarios.Values.Select(s =>
        {
            var c = new RuleCase();
            s.Fires(c);
            return c.Build();
        }).ToArray();
        var expected = inputs.Select(i => Render(rules.Evaluate(i))).ToArray();

        var results = new string[64 * inputs.Length];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            results[i] = Render(rules.Evaluate(inputs[i % inputs.Length])));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Be(expected[i % inputs.Length]);
        }
    }

    private static string Render(RuleEvaluation evaluation) =>
        string.Join("\n", evaluation.Findings.Select(f => $"{f.RuleId}/{f.Subject}: {string.Join("; ", f.Evidence.Select(e => $"{e.Name}={e.MilligramPercent}{e.RatioValue}{e.Value}[{string.Join(",", e.Tests)}]"))}"))
        + "\n--\n" + string.Join("\n", evaluation.NotEvaluated.Select(n => $"{n.RuleId}/{n.Subject}: {string.Join(",", n.MissingInputs)}"));

    private static IEnumerable<(string Id, string Part, string Text)> RuleTexts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Ratios, "rules"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            using (var reader = new StringReader(File.ReadAllText(file)))
            {
                yaml.Load(reader);
            }

            var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
            foreach (var rule in ((YamlDotNet.RepresentationModel.YamlSequenceNode)root["rules"]).Cast<YamlDotNet.RepresentationModel.YamlMappingNode>())
            {
                var id = rule["id"].ToString();
                yield return (id, "title", rule["title"].ToString());
                yield return (id, "explanation", rule["explanation"].ToString());
                if (rule.Children.TryGetValue("suggestions", out var suggestions))
                {
                    foreach (var suggestion in (YamlDotNet.RepresentationModel.YamlSequenceNode)suggestions)
                    {
                        yield return (id, "suggestion", suggestion.ToString());
                    }
                }
            }
        }
    }

    private static List<Finding> AllFindings() =>
        Scenarios.Values.SelectMany(s =>
        {
            var c = new RuleCase();
            s.Fires(c);
            return Rules.Evaluate(c.Build()).Findings;
        }).ToList();
}
