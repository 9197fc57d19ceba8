using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using static HtmaInterpreter.Tests.Ratios.TestPanels;

namespace HtmaInterpreter.Tests.Ratios;

public class RatioCalculatorTests
{
    private static readonly MineralAnalyzer Analyzer = MineralAnalyzer.Default;

    private static Panel FullArlPanel() => Arl(
        40m, 6m, 25m, 10m,
        M("Zn", 16m), M("Cu", 2m), M("P", 16m), M("Fe", 1.8m), M("Se", 0.1m), M("S", 4000m),
        M("Pb", 0.04m), M("Hg", 0.02m), M("Cd", 0.01m), M("Al", 0.5m));

    // Hand-computed from FullArlPanel: numerator / denominator, both in mg%.
    [TestCase("Ca/Mg", 40.0 / 6)]
    [TestCase("Na/K", 2.5)]
    [TestCase("Ca/K", 4.0)]
    [TestCase("Na/Mg", 25.0 / 6)]
    [TestCase("Zn/Cu", 8.0)]
    [TestCase("Ca/P", 2.5)]
    [TestCase("Fe/Cu", 0.9)]
    [TestCase("Ca/Pb", 1000.0)]
    [TestCase("Fe/Pb", 45.0)]
    [TestCase("Fe/Hg", 90.0)]
    [TestCase("Se/Hg", 5.0)]
    [TestCase("Zn/Cd", 1600.0)]
    [TestCase("S/Cd", 400000.0)]
    [TestCase("Zn/Hg", 800.0)]
    [TestCase("S/Hg", 200000.0)]
    [TestCase("S/Pb", 100000.0)]
    [TestCase("Fe/Al", 3.6)]
    public void Each_ratio_is_numerator_over_denominator(string name, double expected)
    {
        var analysis = Analyzer.Analyze(FullArlPanel());

        analysis.Ratios.Single(r => r.Name == name).Value.Should().BeApproximately(expected, 1e-9);
        analysis.Ratios.Should().HaveCount(17);
        analysis.Diagnostics.Should().BeEmpty();
    }

    [Test]
    public void A_quotient_beyond_the_decimal_range_gives_a_finite_ratio_instead_of_an_exception()
    {
        // 10^20 mg% over 10^-14 mg%: the exact decimal quotient (10^34) does not exist; the reader warns of both values.
        var panel = Arl(99999999999999999999m, 6m, 25m, 0.00000000000001m);

        var analysis = Analyzer.Analyze(panel);

        analysis.Ratios.Single(r => r.Name == "Ca/K").Value.Should().BeApproximately(1e34, 1e20);
        RatioCalculator.Divide(40m, 10m).Should().Be(4.0);
        RatioCalculator.Divide(41.7m, 10m).Should().Be((double)(41.7m / 10m));
    }

    [Test]
    public void Wilson_profile_gives_ideal_deviation_and_band()
    {
        var analysis = Analyzer.Analyze(Arl(40m, 6m, 15m, 10m));

        var naK = analysis.Ratios.Single(r => r.Name == "Na/K");
        naK.Value.Should().Be(1.5);
        naK.Tradition.Should().Be("wilson");
        naK.Ideal.Should().Be(2.5);
        naK.IdealLow.Should().Be(2.5);
        naK.IdealHigh.Should().Be(4);
        naK.Deviation.Should().BeApproximately(Math.Log10(1.5 / 2.5), 1e-12);
        naK.Band.Should().Be("moderate inversion");
        naK.Numerator.Should().Be("Na");
        naK.Denominator.Should().Be("K");
    }

    [TestCase(6.01, "severe high")]
    [TestCase(6.0, "moderate high")]
    [TestCase(4.0, "mild/normal")]
    [TestCase(2.5, "mild/normal")]
    [TestCase(2.49, "mild inversion")]
    [TestCase(2.0, "mild inversion")]
    [TestCase(1.0, "moderate inversion")]
    [TestCase(0.99, "severe inversion")]
    public void Na_K_grades_at_their_edges(double naK, string band)
    {
        var analysis = Analyzer.Analyze(Arl(40m, 6m, (decimal)naK * 10m, 10m));

        analysis.Ratios.Single(r => r.Name == "Na/K").Band.Should().Be(band);
    }

    [TestCase(12.01, "severe")]
    [TestCase(12.0, "low blood sugar")]
    [TestCase(10.0, "low blood sugar")]
    [TestCase(9.0, "sugar sensitivity")]
    [TestCase(8.5, null)]
    [TestCase(6.67, null)]
    [TestCase(4.0, "sugar sensitivity")]
    [TestCase(3.3, "low blood sugar")]
    [TestCase(2.99, "severe")]
    public void Ca_Mg_bands(double caMg, string? band)
    {
        var analysis = Analyzer.Analyze(Arl((decimal)caMg * 10m, 10m, 25m, 10m));

        analysis.Ratios.Single(r => r.Name == "Ca/Mg").Band.Should().Be(band);
    }

    [TestCase(33.0, "severe (above 32)")]
    [TestCase(32.0, "16-32")]
    [TestCase(16.0, "8-16")]
    [TestCase(8.0, "mild slow (4-8)")]
    [TestCase(4.0, "mild slow (4-8)")]
    [TestCase(3.99, "mild fast (2-4)")]
    [TestCase(2.0, "mild fast (2-4)")]
    [TestCase(1.0, "1-2")]
    [TestCase(0.5, "below 1")]
    public void Ca_K_bands(double caK, string band)
    {
        var analysis = Analyzer.Analyze(Arl((decimal)caK * 10m, 6m, 25m, 10m));

        analysis.Ratios.Single(r => r.Name == "Ca/K").Band.Should().Be(band);
    }

    [TestCase(16.5, "above 16")]
    [TestCase(16.0, "8-16")]
    [TestCase(8.0, "4.17-8")]
    [TestCase(4.17, "4.17-8")]
    [TestCase(4.165, "2-4.16")]
    [TestCase(2.0, "2-4.16")]
    [TestCase(1.0, "1-2")]
    [TestCase(0.9, "below 1")]
    public void Na_Mg_bands(double naMg, string band)
    {
        var analysis = Analyzer.Analyze(Arl(40m, 10m, (decimal)naMg * 10m, 10m));

        analysis.Ratios.Single(r => r.Name == "Na/Mg").Band.Should().Be(band);
    }

    [Test]
    public void TEI_profile_uses_TEI_ideals_and_no_Wilson_bands()
    {
        var analysis = Analyzer.Analyze(Panel("TEI", M("Ca", 42m), M("K", 10m), M("Na", 24m)));

        var caK = analysis.Ratios.Single(r => r.Name == "Ca/K");
        caK.Tradition.Should().Be("tei");
        caK.Ideal.Should().Be(4.2);
        caK.Deviation.Should().BeApproximately(0, 1e-12);
        caK.Band.Should().BeNull();
        analysis.Ratios.Single(r => r.Name == "Na/K").Should().Match<RatioValue>(r => r.Ideal == 2.4 && r.IdealLow == 1.4 && r.IdealHigh == 3.4);
    }

    [Test]
    public void Doctors_Data_profile_gives_expected_range_without_ideal()
    {
        var analysis = Analyzer.Analyze(Panel("Doctor's Data", M("Ca", 400m, ConcentrationUnit.MicrogramPerGram), M("Mg", 40m, ConcentrationUnit.MicrogramPerGram)));

        var caMg = analysis.Ratios.Single(r => r.Name == "Ca/Mg");
        caMg.Value.Should().Be(10);
        caMg.Ideal.Should().BeNull();
        caMg.Deviation.Should().BeNull();
        caMg.IdealLow.Should().Be(4);
        caMg.IdealHigh.Should().Be(30);
        caMg.Band.Should().BeNull();
    }

    [Test]
    public void Units_are_converted_before_dividing()
    {
        // Ca 400 µg/g = 40 mg%; Hg 1.14 µg/g = 0.114 mg% (not 11,400).
        var panel = Panel("ARL",
            M("Ca", 400m, ConcentrationUnit.MicrogramPerGram), M("K", 10m),
            M("Na", 250m, ConcentrationUnit.PartsPerMillion), M("Mg", 6m),
            M("Se", 0.1m), M("Hg", 1.14m, ConcentrationUnit.MicrogramPerGram),
            M("Fe", 18_000m, ConcentrationUnit.PartsPerBillion), M("Cu", 2m));

        var ratios = Analyzer.Analyze(panel).Ratios.ToDictionary(r => r.Name, r => r.Value);

        ratios["Ca/K"].Should().Be(4);
        ratios["Na/K"].Should().Be(2.5);
        ratios["Na/Mg"].Should().BeApproximately(25.0 / 6, 1e-12);
        ratios["Se/Hg"].Should().BeApproximately(0.1 / 0.114, 1e-12);
        ratios["Fe/Cu"].Should().BeApproximately(0.9, 1e-12);
    }

    [Test]
    public void A_missing_element_gives_no_ratio_and_names_the_element()
    {
        var analysis = Analyzer.Analyze(Panel("ARL", M("Ca", 40m), M("Mg", 6m), M("Na", 25m)));

        analysis.Ratios.Select(r => r.Name).Should().Equal("Ca/Mg", "Na/Mg");
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.RatioElementMissing && d.Location.Field == "Na/K" && d.Message.Contains("K (Potassium)"));
        analysis.Ratios.Should().OnlyContain(r => double.IsFinite(r.Value) && r.Value > 0);
    }

    [TestCase(MeasurementQualifier.NotDetected, 0, DiagnosticCodes.RatioElementNotDetected)]
    [TestCase(MeasurementQualifier.BelowDetectionLimit, 0.002, DiagnosticCodes.RatioElementNotDetected)]
    [TestCase(MeasurementQualifier.Exact, 0, DiagnosticCodes.RatioElementNotPositive)]
    [TestCase(MeasurementQualifier.AboveQuantitationLimit, 500, DiagnosticCodes.RatioElementAboveLimit)]
    public void Unusable_denominator_gives_no_ratio_and_a_diagnostic(MeasurementQualifier qualifier, double value, string code)
    {
        var analysis = Analyzer.Analyze(Arl(40m, 6m, 25m, 10m, M("Zn", 16m), M("Cd", (decimal)value, qualifier: qualifier)));

        analysis.Ratios.Should().NotContain(r => r.Name == "Zn/Cd");
        analysis.Ratios.Should().OnlyContain(r => double.IsFinite(r.Value));
        analysis.Diagnostics.Should().ContainSingle(d => d.Location.Field == "Zn/Cd")
            .Which.Should().Match<Diagnostic>(d => d.Code == code && d.Message.Contains("Cd (Cadmium)"));
    }

    [Test]
    public void Zero_numerator_gives_no_ratio()
    {
        var analysis = Analyzer.Analyze(Arl(0m, 6m, 25m, 10m));

        analysis.Ratios.Should().NotContain(r => r.Numerator == "Ca");
        analysis.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.RatioElementNotPositive && d.Location.Field == "Ca/K");
    }
}
