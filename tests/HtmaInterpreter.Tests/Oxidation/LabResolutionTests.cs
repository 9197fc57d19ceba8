using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Ratios;
using static HtmaInterpreter.Tests.Ratios.TestPanels;

namespace HtmaInterpreter.Tests.Oxidation;

public class LabResolutionTests
{
    private static readonly MineralAnalyzer Analyzer = MineralAnalyzer.Default;

    [TestCase("ARL", "arl")]
    [TestCase("analytical research labs", "arl")]
    [TestCase("TEI", "tei")]
    [TestCase("Trace Elements, Inc.", "tei")]
    [TestCase("Doctor's Data", "doctors-data")]
    [TestCase("Doctor\u2019s Data", "doctors-data")]
    [TestCase(" doctors data ", "doctors-data")]
    public void Panel_lab_is_matched_by_id_name_or_alias(string lab, string expected)
    {
        var analysis = Analyzer.Analyze(Panel(lab, M("Ca", 40m)));

        analysis.Lab.Id.Should().Be(expected);
        analysis.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.LabUnknown || d.Code == DiagnosticCodes.LabNotNamed);
    }

    [Test]
    public void Unknown_lab_falls_back_to_the_default_with_a_warning()
    {
        var analysis = Analyzer.Analyze(Panel("Acme Hair Lab", M("Ca", 40m)));

        analysis.Lab.Id.Should().Be("arl");
        analysis.Oxidation.LabProfileId.Should().Be("arl");
        var diagnostic = analysis.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.LabUnknown).Subject;
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        diagnostic.Message.Should().Contain("Acme Hair Lab").And.Contain("arl");
    }

    [Test]
    public void Panel_without_lab_uses_the_default_with_an_info()
    {
        var analysis = Analyzer.Analyze(Panel(null, M("Ca", 40m)));

        analysis.Lab.Id.Should().Be("arl");
        analysis.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.LabNotNamed).Which.Severity.Should().Be(DiagnosticSeverity.Info);
    }

    [Test]
    public void Caller_override_wins_over_the_panel()
    {
        var analysis = Analyzer.Analyze(Panel("ARL", M("Ca", 42m), M("K", 10m)), labId: "tei");

        analysis.Lab.Id.Should().Be("tei");
        analysis.Ratios.Single(r => r.Name == "Ca/K").Ideal.Should().Be(4.2);
    }

    [Test]
    public void Unknown_override_is_an_error_and_the_panel_lab_is_used()
    {
        var analysis = Analyzer.Analyze(Panel("TEI", M("Ca", 42m)), labId: "nope");

        analysis.Lab.Id.Should().Be("tei");
        analysis.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.LabOverrideUnknown).Which.Severity.Should().Be(DiagnosticSeverity.Error);
    }
}
