using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Tests.Ratios;

namespace HtmaInterpreter.Tests.Definitions;

public class HtmaDefinitionsTests
{
    private static readonly string[] ExpectedRatios =
    [
        "Ca/Mg", "Na/K", "Ca/K", "Na/Mg", "Zn/Cu", "Ca/P", "Fe/Cu",
        "Ca/Pb", "Fe/Pb", "Fe/Hg", "Se/Hg", "Zn/Cd", "S/Cd", "Zn/Hg", "S/Hg", "S/Pb", "Fe/Al",
    ];

    [Test]
    public void Embedded_defaults_load_without_diagnostics()
    {
        var result = HtmaDefinitions.LoadDefault();

        result.Diagnostics.Should().BeEmpty();
        var definitions = result.GetValueOrThrow();
        definitions.Ratios.Select(r => r.Name).Should().Equal(ExpectedRatios);
        definitions.Labs.Select(l => l.Id).Should().BeEquivalentTo(["arl", "tei", "doctors-data"]);
        definitions.OxidationModels.Select(m => m.Id).Should().Equal("eck-wilson", "ca-k-na-k", "tei-ca-p");
        definitions.DefaultLab.Id.Should().Be("arl");
        definitions.DefaultModel.Id.Should().Be("eck-wilson");
    }

    [Test]
    public void Default_is_loaded_once_and_shared()
    {
        HtmaDefinitions.LoadDefault().Should().BeSameAs(HtmaDefinitions.LoadDefault());
    }

    [Test]
    public void Embedded_defaults_equal_the_repository_folder()
    {
        var fromFolder = HtmaDefinitions.LoadFromDirectory(TestPanels.RepositoryRatiosFolder());

        fromFolder.Diagnostics.Should().BeEmpty();
        fromFolder.GetValueOrThrow().Should().BeEquivalentTo(
            HtmaDefinitions.LoadDefault().GetValueOrThrow(),
            options => options.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Test]
    public void Figures_come_through_with_their_units()
    {
        var definitions = HtmaDefinitions.LoadDefault().GetValueOrThrow();

        var dd = definitions.FindLab("doctors-data")!;
        dd.ReportingUnit.Should().Be(ConcentrationUnit.MicrogramPerGram);
        dd.Treatment.Should().Be(SampleTreatment.Washed);
        dd.ReferenceRanges["Ca"].Should().Be(new ReferenceRange(300m, 1200m, ConcentrationUnit.MicrogramPerGram));
        dd.ToxicLimits["Hg"].Should().Be(new Concentration(1.1m, ConcentrationUnit.MicrogramPerGram));
        dd.LevelOf("Hg", 0.12m).Should().Be(Labs.ElementLevel.Elevated); // 1.2 µg/g > 1.1
        // Domain notes, toxic thresholds table, DD column: Sb < 0.050, Be < 0.020 µg/g (2006 report).
        dd.ToxicLimits["Sb"].Should().Be(new Concentration(0.050m, ConcentrationUnit.MicrogramPerGram));
        dd.ToxicLimits["Be"].Should().Be(new Concentration(0.020m, ConcentrationUnit.MicrogramPerGram));
        dd.LevelOf("Sb", 0.006m).Should().Be(Labs.ElementLevel.Elevated); // 0.06 µg/g > 0.050
        dd.LevelOf("Be", 0.001m).Should().NotBe(Labs.ElementLevel.Elevated); // 0.01 µg/g
        dd.Caveats.Should().NotContain(c => c.Contains("No Sb or Be limit", StringComparison.Ordinal));
        var ddFile = File.ReadAllLines(Path.Combine(TestPaths.Ratios, "labs", "doctors-data.yaml"));
        ddFile.Should().Contain(l => l.TrimStart().StartsWith("Sb: { limit: 0.050,", StringComparison.Ordinal) && l.Contains("DD 2006 report", StringComparison.Ordinal));
        ddFile.Should().Contain(l => l.TrimStart().StartsWith("Be: { limit: 0.020,", StringComparison.Ordinal) && l.Contains("DD 2006 report", StringComparison.Ordinal));

        // Domain notes, Ratios table: DD Ca/P 1-12 in the 2006 report (0.8-8 is a 2011 report); the profile's figures are all 2006.
        var caP = definitions.FindRatio("Ca/P")!.Ideals["doctors-data"];
        caP.Low.Should().Be(1);
        caP.High.Should().Be(12);
        caP.Value.Should().BeNull();
        caP.Source.Should().Contain("2006 report");

        var tei = definitions.FindLab("TEI")!;
        tei.ReferenceRanges["K"].Should().Be(new ReferenceRange(2m, 24m, ConcentrationUnit.MilligramPercent));
        tei.ToxicLimits.Should().NotContainKey("Ni");

        var arl = definitions.FindLab("arl")!;
        arl.ElementIdeals["Ca"].Should().Be(new Concentration(40m, ConcentrationUnit.MilligramPercent));
        arl.ReferenceRanges.Should().NotContainKey("Ca");
        arl.ToxicLimits.Should().NotContainKey("Cd");
        arl.Caveats.Should().Contain(c => c.Contains("reference ranges were not found", StringComparison.Ordinal));

        // Wilson's "three amigos" article: iron high from about 1.8-2 mg% (the lower figure is used), manganese about 0.04.
        arl.ReferenceRanges["Fe"].Should().Be(new ReferenceRange(null, 1.8m, ConcentrationUnit.MilligramPercent));
        arl.ReferenceRanges["Mn"].Should().Be(new ReferenceRange(null, 0.04m, ConcentrationUnit.MilligramPercent));
        arl.LevelOf("Fe", 1.9m).Should().Be(Labs.ElementLevel.High);
        arl.LevelOf("Fe", 1.8m).Should().Be(Labs.ElementLevel.WithinRange);
        arl.LevelOf("Mn", 0.05m).Should().Be(Labs.ElementLevel.High);
        arl.ReferenceRanges.Should().NotContainKey("Cu", "no published high limit for copper was found");
        arl.LevelOf("Cu", 6m).Should().Be(Labs.ElementLevel.Unknown);
        arl.Caveats.Should().Contain(c => c.Contains("Cu, Se, B and S have no ideal or published limit", StringComparison.Ordinal));

        // Issue 14 item 7: one aluminium figure, 0.04 mg% (UPDATES-NB 2014); 0.08 is the poor-eliminator (low) cut-off.
        arl.ToxicLimits["Al"].Should().Be(new Concentration(0.04m, ConcentrationUnit.MilligramPercent));
        arl.LevelOf("Al", 0.05m).Should().Be(Labs.ElementLevel.Elevated);
        arl.LevelOf("Al", 0.04m).Should().Be(Labs.ElementLevel.WithinRange);
        var arlFile = File.ReadAllLines(Path.Combine(TestPaths.Ratios, "labs", "arl.yaml"));
        arlFile.Should().ContainSingle(l => l.TrimStart().StartsWith("Al: {", StringComparison.Ordinal))
            .Which.Should().StartWith("  Al: { limit: 0.04, source: \"Wilson 2019 cut-off, drlwilson.com/BOOKS/UPDATES-NB 2014")
            .And.Contain("0.08 is Wilson's poor-eliminator (low-reading) cut-off, not a high limit");
        arlFile.Should().Contain(l => l.Contains("drlwilson.com/articles/POOR ELIMINATOR.htm", StringComparison.Ordinal));
        arlFile.Should().Contain(l => l.TrimStart().StartsWith("Fe: { high: 1.8,", StringComparison.Ordinal) && l.Contains("drlwilson.com/Articles/IRON%2C%20MANG%2CALUM.htm", StringComparison.Ordinal));
        arlFile.Should().Contain(l => l.TrimStart().StartsWith("Mn: { high: 0.04,", StringComparison.Ordinal) && l.Contains("drlwilson.com/Articles/IRON%2C%20MANG%2CALUM.htm", StringComparison.Ordinal));

        var naK = definitions.FindRatio("Na/K")!;
        naK.Ideals["wilson"].Value.Should().Be(2.5);
        naK.Ideals["tei"].Should().Be(naK.Ideals["tei"] with { Value = 2.4, Low = 1.4, High = 3.4 });
        naK.Bands["wilson"].Should().HaveCount(6);
        definitions.FindRatio("Fe/Cu")!.Ideals.Should().ContainKey("tei").And.NotContainKey("wilson");
        definitions.FindRatio("Ca/Pb")!.Ideals.Should().BeEmpty();

        var model = definitions.FindModel("eck-wilson")!;
        model.DecidingRatios.Select(d => (d.Ratio, d.Threshold, d.SlowWhen, d.FastWhen))
            .Should().Equal(("Ca/K", 4, ">= 4", "< 4"), ("Na/Mg", 4.17, "< 4.17", ">= 4.17"));
        model.FourLows!.OnMatch.Should().Be(FourLowsAction.Flag);
        model.Degree!.Slow.Select(b => b.Degree).Should().Equal(OxidationDegree.Mild, OxidationDegree.Moderate, OxidationDegree.Extreme);
        definitions.FindModel("tei-ca-p")!.Degree.Should().BeNull();
    }

    [Test]
    public void Every_figure_in_the_shipped_yaml_names_a_source()
    {
        var definitions = HtmaDefinitions.LoadDefault().GetValueOrThrow();

        definitions.Ratios.SelectMany(r => r.Ideals.Values).Should().OnlyContain(i => i.Source.Length > 0);
        definitions.Ratios.SelectMany(r => r.Bands.Values.SelectMany(b => b)).Should().OnlyContain(b => b.Source.Length > 0);
        definitions.Labs.Should().OnlyContain(l => l.Source.Length > 0);
        definitions.OxidationModels.SelectMany(m => m.DecidingRatios).Should().OnlyContain(d => d.Source.Length > 0);
    }

    [Test]
    public void A_missing_folder_is_a_diagnostic()
    {
        var result = HtmaDefinitions.LoadFromDirectory(Path.Combine(Path.GetTempPath(), "htma-no-such-folder-" + Guid.NewGuid()));

        result.Value.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.DefinitionsFileNotFound);
    }
}
