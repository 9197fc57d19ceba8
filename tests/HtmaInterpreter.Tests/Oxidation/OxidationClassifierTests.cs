using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using static HtmaInterpreter.Tests.Ratios.TestPanels;

namespace HtmaInterpreter.Tests.Oxidation;

public class OxidationClassifierTests
{
    private static readonly MineralAnalyzer Analyzer = MineralAnalyzer.Default;

    private static OxidationResult Classify(decimal ca, decimal mg, decimal na, decimal k, string? model = null) =>
        Analyzer.Analyze(Arl(ca, mg, na, k), modelId: model).Oxidation;

    [Test]
    public void Slow_when_Ca_K_above_4_and_Na_Mg_below_4_17()
    {
        // Ca/K = 100/5 = 20, Na/Mg = 20/10 = 2, Na/K = 4.
        var result = Classify(100m, 10m, 20m, 5m);

        result.Type.Should().Be(OxidationType.Slow);
        result.Lean.Should().BeNull();
        result.Degree.Should().Be(OxidationDegree.Mild);
        result.SodiumPotassiumQualifier.Should().Be("good");
        result.ModelId.Should().Be("eck-wilson");
        result.LabProfileId.Should().Be("arl");
        result.DecidingRatios.Should().Equal(
            new DecidingRatio("Ca/K", 20, 4, OxidationType.Slow),
            new DecidingRatio("Na/Mg", 2, 4.17, OxidationType.Slow));
    }

    [Test]
    public void Fast_when_Ca_K_below_4_and_Na_Mg_above_4_17()
    {
        // Ca/K = 20/20 = 1 (moderate fast), Na/Mg = 60/5 = 12, Na/K = 3.
        var result = Classify(20m, 5m, 60m, 20m);

        result.Type.Should().Be(OxidationType.Fast);
        result.Degree.Should().Be(OxidationDegree.Moderate);
        result.DecidingRatios.Select(d => d.Indicates).Should().Equal(OxidationType.Fast, OxidationType.Fast);
    }

    [Test]
    public void Mixed_leans_to_the_ratio_further_from_its_ideal_on_a_log_scale()
    {
        // Ca/K = 40/5 = 8 (slow, log10(2) = 0.30 away); Na/Mg = 125.1/10 = 12.51 (fast, log10(3) = 0.48 away).
        var result = Classify(40m, 10m, 125.1m, 5m);

        result.Type.Should().Be(OxidationType.Mixed);
        result.Lean.Should().Be(OxidationType.Fast);
        result.Degree.Should().Be(OxidationDegree.None, "Ca/K points to slow, so its fast bands do not grade a fast lean");
    }

    [Test]
    public void Mixed_leaning_slow_takes_the_degree_from_Ca_K()
    {
        // Ca/K = 200/5 = 40 (slow, 1.0 away), Na/Mg = 50/10 = 5 (fast, 0.08 away).
        var result = Classify(200m, 10m, 50m, 5m);

        result.Type.Should().Be(OxidationType.Mixed);
        result.Lean.Should().Be(OxidationType.Slow);
        result.Degree.Should().Be(OxidationDegree.Moderate);
    }

    [Test]
    public void Ca_K_exactly_4_votes_slow()
    {
        // Ca/K = 40/10 = 4 exactly, Na/Mg = 20/10 = 2.
        var result = Classify(40m, 10m, 20m, 10m);

        result.DecidingRatios[0].Should().Be(new DecidingRatio("Ca/K", 4, 4, OxidationType.Slow));
        result.Type.Should().Be(OxidationType.Slow);
        result.Notes.Should().Contain(n => n.Contains("exactly at the threshold 4", StringComparison.Ordinal));
    }

    [Test]
    public void Na_Mg_exactly_4_17_votes_fast()
    {
        // Ca/K = 20/10 = 2, Na/Mg = 41.7/10 = 4.17 exactly.
        var result = Classify(20m, 10m, 41.7m, 10m);

        result.DecidingRatios[1].Should().Be(new DecidingRatio("Na/Mg", 4.17, 4.17, OxidationType.Fast));
        result.Type.Should().Be(OxidationType.Fast);
    }

    [Test]
    public void Na_Mg_just_below_4_17_votes_slow()
    {
        // Na/Mg = 41.69/10 = 4.169.
        Classify(50m, 10m, 41.69m, 10m).Should().Match<OxidationResult>(r => r.Type == OxidationType.Slow && r.DecidingRatios[1].Indicates == OxidationType.Slow);
    }

    [Test]
    public void Both_ratios_exactly_at_their_thresholds_are_mixed_without_lean()
    {
        var result = Classify(40m, 10m, 41.7m, 10m);

        result.Type.Should().Be(OxidationType.Mixed);
        result.Lean.Should().BeNull();
        result.Degree.Should().Be(OxidationDegree.None);
    }

    [TestCase(29.9, OxidationType.Slow, OxidationDegree.Mild)]
    [TestCase(30.0, OxidationType.Slow, OxidationDegree.Moderate)]
    [TestCase(100.0, OxidationType.Slow, OxidationDegree.Moderate)]
    [TestCase(100.1, OxidationType.Slow, OxidationDegree.Extreme)]
    [TestCase(4.0, OxidationType.Slow, OxidationDegree.Mild)]
    [TestCase(3.9, OxidationType.Fast, OxidationDegree.Mild)]
    [TestCase(1.6, OxidationType.Fast, OxidationDegree.Mild)]
    [TestCase(1.5, OxidationType.Fast, OxidationDegree.Moderate)]
    [TestCase(0.4, OxidationType.Fast, OxidationDegree.Moderate)]
    [TestCase(0.39, OxidationType.Fast, OxidationDegree.Extreme)]
    public void Degree_bands_by_Ca_K(double caK, OxidationType type, OxidationDegree degree)
    {
        var result = Classify((decimal)caK * 10m, 6m, 25m, 10m, model: "ca-k-na-k");

        result.Type.Should().Be(type);
        result.Degree.Should().Be(degree);
        result.ModelId.Should().Be("ca-k-na-k");
    }

    [Test]
    public void Simple_model_never_reads_Na_Mg()
    {
        // Na/Mg = 12 would say fast under eck-wilson; the simple model reads Ca/K = 8 alone.
        var result = Classify(80m, 5m, 60m, 10m, model: "ca-k-na-k");

        result.Type.Should().Be(OxidationType.Slow);
        result.DecidingRatios.Should().ContainSingle().Which.Ratio.Should().Be("Ca/K");
        result.SodiumPotassiumQualifier.Should().Be("high");
    }

    [TestCase(30, 10, OxidationType.Slow)]
    [TestCase(26, 10, OxidationType.Slow)]
    [TestCase(25.9, 10, OxidationType.Fast)]
    [TestCase(20, 10, OxidationType.Fast)]
    public void TEI_model_reads_Ca_P(decimal ca, decimal p, OxidationType type)
    {
        var result = Analyzer.Analyze(Panel("TEI", M("Ca", ca), M("P", p)), modelId: "tei-ca-p").Oxidation;

        result.Type.Should().Be(type);
        result.Degree.Should().Be(OxidationDegree.None);
        result.DecidingRatios.Should().ContainSingle().Which.Threshold.Should().Be(2.6);
        result.Notes.Should().Contain(n => n.Contains("not published", StringComparison.Ordinal));
    }

    [Test]
    public void Four_lows_are_checked_first_and_flagged()
    {
        // All below 40/6/25/10; Ca/K = 6, Na/Mg = 2.5 -> slow.
        var result = Classify(30m, 4m, 10m, 5m);

        result.FourLows.Should().BeTrue();
        result.Type.Should().Be(OxidationType.Slow);
        result.Notes[0].Should().StartWith("Four lows");
    }

    [Test]
    public void Four_lows_need_all_four_strictly_below()
    {
        Classify(40m, 4m, 10m, 5m).FourLows.Should().BeFalse("Ca = 40 is not below 40");
        Classify(39.9m, 5.9m, 24.9m, 9.9m).FourLows.Should().BeTrue();
    }

    [Test]
    public void Four_lows_with_a_missing_element_is_not_checked()
    {
        var analysis = Analyzer.Analyze(Panel("ARL", M("Ca", 30m), M("Mg", 4m), M("Na", 10m)));

        analysis.Oxidation.FourLows.Should().BeFalse();
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.FourLowsNotChecked && d.Location.Field == "K");
    }

    [TestCase(20, 5, 50, 10, "alarm")]       // fast (Ca/K 2), Na/Mg 10, Na/K 5 high
    [TestCase(60, 6, 12, 6, "resistance")]   // slow mild (Ca/K 10), Na/Mg 2, Na/K 2 inversion
    [TestCase(220, 20, 4, 2, "exhaustion")]  // slow extreme (Ca/K 110), Na/Mg 0.2, Na/K 2 inversion
    [TestCase(200, 20, 10, 5, "resistance")] // slow moderate (Ca/K 40), Na/Mg 0.5, Na/K 2 inversion: mild to moderate (domain notes)
    [TestCase(600, 20, 10, 5, "exhaustion")] // slow extreme (Ca/K 120), same inversion: not resistance
    [TestCase(100, 10, 20, 5, null)]         // slow mild, Na/K 4 good: no stage
    public void Stages_of_stress(decimal ca, decimal mg, decimal na, decimal k, string? stage)
    {
        Classify(ca, mg, na, k).StressStage.Should().Be(stage);
    }

    [Test]
    public void Resistance_covers_mild_and_moderate_slow_oxidation_with_an_inversion_but_not_extreme()
    {
        // Domain notes, Stages of stress: "resistance = mild to moderate slow with inversion".
        var moderate = Classify(200m, 20m, 10m, 5m);
        moderate.Degree.Should().Be(OxidationDegree.Moderate);
        moderate.SodiumPotassiumQualifier.Should().Be("inversion");
        moderate.StressStage.Should().Be("resistance");

        var extreme = Classify(600m, 20m, 10m, 5m);
        extreme.Degree.Should().Be(OxidationDegree.Extreme);
        extreme.StressStage.Should().NotBe("resistance");
    }

    [Test]
    public void Na_K_inversion_qualifies_but_does_not_decide()
    {
        var result = Classify(100m, 10m, 20m, 10m); // Na/K = 2

        result.SodiumPotassiumQualifier.Should().Be("inversion");
        result.Type.Should().Be(OxidationType.Slow);
        result.DecidingRatios.Should().NotContain(d => d.Ratio == "Na/K");
    }

    [Test]
    public void Missing_deciding_ratio_is_indeterminate()
    {
        var analysis = Analyzer.Analyze(Panel("ARL", M("Ca", 40m), M("K", 10m), M("Na", 25m)));

        analysis.Oxidation.Type.Should().Be(OxidationType.Indeterminate);
        analysis.Oxidation.Degree.Should().Be(OxidationDegree.None);
        analysis.Oxidation.DecidingRatios.Should().BeEmpty();
        analysis.Oxidation.SodiumPotassiumQualifier.Should().Be("good");
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.OxidationIndeterminate && d.Message.Contains("Na/Mg"));
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.RatioElementMissing && d.Message.Contains("Mg (Magnesium)"));
    }

    [Test]
    public void Washed_lab_adds_the_caveat()
    {
        var panel = Panel("Doctors Data",
            M("Ca", 1000m, ConcentrationUnit.MicrogramPerGram), M("Mg", 100m, ConcentrationUnit.MicrogramPerGram),
            M("Na", 50m, ConcentrationUnit.MicrogramPerGram), M("K", 20m, ConcentrationUnit.MicrogramPerGram));

        var analysis = Analyzer.Analyze(panel);

        analysis.Lab.Id.Should().Be("doctors-data");
        analysis.Treatment.Should().Be(SampleTreatment.Washed);
        analysis.Oxidation.Notes.Should().Contain(n => n.Contains("unwashed hair", StringComparison.Ordinal));
        analysis.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.WashedSample)
            .Which.Severity.Should().Be(DiagnosticSeverity.Warning);
        analysis.Oxidation.Type.Should().Be(OxidationType.Slow); // Ca/K 50, Na/Mg 0.5: still classified, with the caveat
    }

    [Test]
    public void Panel_marked_washed_adds_the_caveat_even_for_an_unwashed_lab()
    {
        var analysis = Analyzer.Analyze(Arl(40m, 6m, 25m, 10m) with { Treatment = SampleTreatment.Washed });

        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.WashedSample);
    }

    [Test]
    public void Unwashed_lab_has_no_caveat()
    {
        Analyzer.Analyze(Arl(40m, 6m, 25m, 10m)).Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.WashedSample);
    }

    [Test]
    public void Unknown_model_falls_back_to_the_default_with_an_error()
    {
        var analysis = Analyzer.Analyze(Arl(100m, 10m, 20m, 5m), modelId: "astrology");

        analysis.Oxidation.ModelId.Should().Be("eck-wilson");
        analysis.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.OxidationModelUnknown)
            .Which.Severity.Should().Be(DiagnosticSeverity.Error);
    }
}
