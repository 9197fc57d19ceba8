using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Ratios.TestPanels;

namespace HtmaInterpreter.Tests.Acceptance;

/// <summary>
/// Acceptance check of issue 3: cases published outside this repository, run through the interpreter. Ratios must
/// match the published ones within 1 %, and the oxidation / metabolic type must match the published one.
/// <para>
/// Only what the sources print is used: lab values where a write-up prints them, otherwise the published ratios
/// themselves (fed straight to the classifier, no panel values are made up). No person's name is reproduced.
/// Write-ups that print neither the values nor the ratios needed for a check are listed in the "Left out" comment
/// below, with the reason.
/// </para>
/// </summary>
public class PublishedCasesTests
{
    private const double Tolerance = 0.01; // 1 %, relative

    private static readonly MineralAnalyzer Analyzer = MineralAnalyzer.Default;

    private static HtmaDefinitions Definitions => Analyzer.Definitions;

    // ---------------------------------------------------------------------------------------------------------------
    // Case 1. A Doctor's Data "Hair Elements" report of 2011 (ICP-MS) posted publicly on Scribd. The report belongs to
    // a named minor, so neither the name nor the document's address is reproduced here; only the printed values and ratios.
    // Printed results (µg/g): Ca 1660, Mg 110, Na 13, K <3, Cu 7.6, Zn 220, P 262.
    // Printed ratios: Ca/Mg 15.1, Ca/P 6.34, Na/K 4.33, Zn/Cu 28.9 (expected ranges 4-30, 0.8-8, 0.5-10, 4-20).
    // DD prints no oxidation / metabolic type.
    // ---------------------------------------------------------------------------------------------------------------
    private static Panel DoctorsData2011() => new("DD-2011-PUBLIC-CASE",
    [
        M("Ca", 1660m, ConcentrationUnit.MicrogramPerGram),
        M("Mg", 110m, ConcentrationUnit.MicrogramPerGram),
        M("Na", 13m, ConcentrationUnit.MicrogramPerGram),
        M("K", 3m, ConcentrationUnit.MicrogramPerGram, MeasurementQualifier.BelowDetectionLimit),
        M("Cu", 7.6m, ConcentrationUnit.MicrogramPerGram),
        M("Zn", 220m, ConcentrationUnit.MicrogramPerGram),
        M("P", 262m, ConcentrationUnit.MicrogramPerGram),
    ])
    { Lab = "Doctor's Data" };

    [TestCase("Ca/Mg", 15.1)]
    [TestCase("Ca/P", 6.34)]
    [TestCase("Zn/Cu", 28.9)]
    public void Doctors_Data_2011_report_ratios_match_the_printed_ones(string ratio, double published)
    {
        var analysis = Analyzer.Analyze(DoctorsData2011());

        analysis.Lab.Id.Should().Be("doctors-data");
        RatioOf(analysis, ratio).Should().BeApproximately(published, published * Tolerance);
    }

    [Test]
    public void Doctors_Data_2011_report_Na_K_is_left_out_because_K_is_below_the_detection_limit()
    {
        // Convention difference, not a bug: DD divided by the detection limit (13 / 3 = 4.33) and printed 4.33.
        // Issue 3 requires a below-detection input to leave the ratio out with a diagnostic, so Na/K and Ca/K are
        // absent here and the type is indeterminate (DD publishes no type to compare with anyway).
        var analysis = Analyzer.Analyze(DoctorsData2011());

        analysis.Ratios.Select(r => r.Name).Should().NotContain(["Na/K", "Ca/K"]);
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.RatioElementNotDetected && d.Message.Contains("Na/K"));
        analysis.Oxidation.Type.Should().Be(OxidationType.Indeterminate);
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.OxidationIndeterminate);
        // DD washes the hair: the caveat that the model is calibrated for unwashed hair must be there.
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.WashedSample);
        // Still the printed figure is what dividing by the limit gives, so the values were read correctly.
        (13.0 / 3.0).Should().BeApproximately(4.33, 4.33 * Tolerance);
    }

    [Test]
    public void Doctors_Data_2011_report_read_from_a_file_as_printed_gives_the_same_ratios()
    {
        // The same report typed the way the lab prints it (µg/g, "<3" for K), through the reader and the analyzer.
        const string text = """
            # sample_id: DD-2011
            # lab: Doctor's Data
            element,value,unit
            Ca,1660,µg/g
            Mg,110,µg/g
            Na,13,µg/g
            K,<3,µg/g
            Cu,7.6,µg/g
            Zn,220,µg/g
            P,262,µg/g
            """;
        var read = new PanelReader().ReadText(text, "dd-2011.csv");
        read.HasErrors.Should().BeFalse();

        var analysis = Analyzer.Analyze(read.Value!.Single());

        RatioOf(analysis, "Ca/Mg").Should().BeApproximately(15.1, 15.1 * Tolerance);
        RatioOf(analysis, "Ca/P").Should().BeApproximately(6.34, 6.34 * Tolerance);
        RatioOf(analysis, "Zn/Cu").Should().BeApproximately(28.9, 28.9 * Tolerance);
        analysis.Ratios.Should().NotContain(r => r.Name == "Na/K");
    }

    [Test]
    public void Doctors_Data_2011_report_Na_Mg_follows_from_the_printed_values()
    {
        // Not printed by DD (it reports 5 ratios), but checks the unit handling on a second pair: 13 / 110 in µg/g.
        var analysis = Analyzer.Analyze(DoctorsData2011());

        RatioOf(analysis, "Na/Mg").Should().BeApproximately(13.0 / 110.0, 1e-9);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Case 2. "Patient #1 Hair Analysis Report" by a Pharm.D/CNS practitioner, studylib.net/doc/7895852.
    // Published: Na/K 2.09 ("mildly low"), Na/Mg 3.83 ("mildly low", ideal 4.17), Ca/K 6.18 ("mildly elevated",
    // ideal 4); oxidation type "mild Slow Oxidizer", derived (as the report says) from Na/Mg and Ca/K.
    // The mineral values are not printed in the write-up, so the published ratios are classified directly.
    // ---------------------------------------------------------------------------------------------------------------
    [Test]
    public void Patient_1_report_is_a_mild_slow_oxidizer_under_eck_wilson()
    {
        var result = ClassifyPublishedRatios("eck-wilson", ("Ca/K", 6.18), ("Na/Mg", 3.83), ("Na/K", 2.09));

        result.Type.Should().Be(OxidationType.Slow);
        result.Degree.Should().Be(OxidationDegree.Mild);
        result.SodiumPotassiumQualifier.Should().Be("inversion");
    }

    [TestCase("Na/K", 2.09, "mild inversion")] // published: "mildly low"
    [TestCase("Na/Mg", 3.83, "2-4.16")] // published: "mildly low"; htmaexperts names 2-4.16 "mild sluggish adrenals"
    [TestCase("Ca/K", 6.18, "mild slow (4-8)")] // published: "mildly elevated"
    public void Patient_1_report_ratio_grades_agree_with_the_published_words(string ratio, double published, string band)
    {
        BandOf(ratio, "wilson", published).Should().Be(band);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Case 3. TEI case study "Slow 1, 16 yr old ...", testdontguess.org/post/case-study-slow-1-16-yr-old-depression-
    // anxiety-lyme-trauma. Published: TEI type "Slow 1", "extreme slow oxidizer", Ca/K "very elevated at 121",
    // Na/Mg "low" (no figure printed), Ca/P elevated (no figure printed).
    // Only Ca/K has a figure, so the Ca/K reading (model ca-k-na-k) is the one that can be compared; eck-wilson needs
    // the Na/Mg figure, which the write-up does not give.
    // ---------------------------------------------------------------------------------------------------------------
    [Test]
    public void Tei_slow_1_case_study_is_an_extreme_slow_oxidizer_by_Ca_K()
    {
        var result = ClassifyPublishedRatios("ca-k-na-k", ("Ca/K", 121.0));

        result.Type.Should().Be(OxidationType.Slow);
        result.Degree.Should().Be(OxidationDegree.Extreme); // Wilson 2019: Ca/K above 100 is extreme slow
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Case 4. "Sample HTMA + Targeted Functional Nutrition", sukuunholistics.com/sample-htma-targeted-functional-
    // nutrition/ (TEI results, one client, anonymous). Published: Ca/P 13.55 "above optimal ... overall slow
    // metabolism"; Ca/K 121.3 ("anything over 32 is considered a severely sluggish thyroid"); K "exactly at 2".
    // TEI types by Ca/P, so the tei-ca-p model is the one that must agree; Ca/K alone (ca-k-na-k) agrees too.
    // ---------------------------------------------------------------------------------------------------------------
    [Test]
    public void Sukuun_sample_is_slow_by_TEI_Ca_P()
    {
        var result = ClassifyPublishedRatios("tei-ca-p", ("Ca/P", 13.55));

        result.Type.Should().Be(OxidationType.Slow);
        result.Degree.Should().Be(OxidationDegree.None); // TEI's sub-type criteria are not published: no degree
        result.DecidingRatios.Should().ContainSingle().Which.Should().Be(new DecidingRatio("Ca/P", 13.55, 2.6, OxidationType.Slow));
    }

    [Test]
    public void Sukuun_sample_Ca_K_is_in_the_severe_band_and_extreme_slow()
    {
        BandOf("Ca/K", "wilson", 121.3).Should().Be("severe (above 32)");
        var result = ClassifyPublishedRatios("ca-k-na-k", ("Ca/K", 121.3));
        result.Type.Should().Be(OxidationType.Slow);
        result.Degree.Should().Be(OxidationDegree.Extreme);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Left out (found, but nothing to compare; recorded so the next reader does not search again):
    // - TEI sample report "LABORATORY NO.: 999999" (fdocuments.us): metabolic type SLOW 1 is printed, but the stored
    //   text holds only the reference ranges, not the patient's results.
    // - TEI canine sample report (scribd.com/document/39368514): results printed (Ca 37, Mg 4.0, Na 6, K 4, Cu 3.0,
    //   Zn 19, P 20 mg%) but no ratios or type in the stored text, and the Eck/Wilson model is for people.
    // - A 2004 practitioner letter (iahf.com/balance/tma.html): Ca 47, Mg 1.8, Na 12, K 9, P 13 mg%, but the
    //   stored text ends before any ratio or type is stated.
    // - An InterClinical (TEI) write-up (preciousbeth.org): Ca 21, Mg 1.2, K 58, P 10 mg%, no Na and no type.
    // - ktmholistichealth.com: Na/K 0.67 and Na/Mg 0.66 ("exhaustion"), but no Ca/K for the same test.
    // ---------------------------------------------------------------------------------------------------------------

    private static double RatioOf(MineralAnalysis analysis, string name)
    {
        var ratio = analysis.Ratios.SingleOrDefault(r => r.Name == name);
        ratio.Should().NotBeNull($"{name} should have been computed");
        return ratio!.Value;
    }

    private static string? BandOf(string ratio, string tradition, double value) =>
        Definitions.FindRatio(ratio)!.Bands[tradition].FirstOrDefault(b => b.Condition.Matches(value))?.Label;

    /// <summary>Runs the classifier on published ratio values (no panel values: the write-up did not print them).</summary>
    private static OxidationResult ClassifyPublishedRatios(string modelId, params (string Name, double Value)[] published)
    {
        var ratios = published.Select(p =>
        {
            var definition = Definitions.FindRatio(p.Name)!;
            return new RatioValue { Name = p.Name, Numerator = definition.Numerator, Denominator = definition.Denominator, Value = p.Value };
        }).ToList();
        var model = Definitions.FindModel(modelId)!;
        var lab = Definitions.DefaultLab;
        return OxidationClassifier.Classify(new Panel("PUBLISHED-RATIOS", []), ratios, model, lab, new List<Diagnostic>());
    }
}
