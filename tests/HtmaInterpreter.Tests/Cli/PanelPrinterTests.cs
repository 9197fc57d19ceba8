using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Cli;

public class PanelPrinterTests
{
    private static readonly ElementCatalog Catalog = ElementCatalog.Default;

    internal static Panel SlowOxidizer() => new(
        "S-2026-0101",
        [
            Mg("Ca", 118m), Mg("Mg", 12m), Mg("Na", 18m), Mg("K", 5m), Mg("Hg", 0.114m),
        ])
    {
        SubjectId = "P-0001",
        Lab = "ARL",
        CollectedOn = new DateOnly(2026, 3, 14),
        Sex = Sex.Female,
        AgeYears = 46,
        Treatment = SampleTreatment.Unwashed,
    };

    [Test]
    public void Prints_metadata_then_a_table_in_mg_percent_beside_the_reported_value()
    {
        var text = Print(new ParseResult<IReadOnlyList<Panel>>([SlowOxidizer()], []));

        text.Should().Be(
            """
            panel S-2026-0101
              subject:   P-0001
              lab:       ARL
              collected: 2026-03-14
              sex:       female
              age:       46
              treatment: unwashed
              elements:  5 measurements

              element  name       group       mg%  as reported  lab range  flag  note
              -------  ---------  --------  -----  -----------  ---------  ----  ----
              Ca       Calcium    nutrient    118  118 mg%
              Mg       Magnesium  nutrient     12  12 mg%
              Na       Sodium     nutrient     18  18 mg%
              K        Potassium  nutrient      5  5 mg%
              Hg       Mercury    toxic     0.114  0.114 mg%

            diagnostics: none
            0 errors, 0 warnings, 0 info

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void Converts_micrograms_per_gram_exactly_and_keeps_qualifiers_ranges_and_flags()
    {
        var panel = new Panel(
            "S-2026-0107",
            [
                new Measurement("Calcium", Catalog["Ca"], new(520m, ConcentrationUnit.MicrogramPerGram),
                    labRange: new ReferenceRange(300m, 1200m, ConcentrationUnit.MicrogramPerGram)),
                new Measurement("Zn", Catalog["Zn"], new(132m, ConcentrationUnit.MicrogramPerGram),
                    labRange: new ReferenceRange(140m, 220m, ConcentrationUnit.MicrogramPerGram), labFlag: "L"),
                new Measurement("Hg", Catalog["Hg"], new(1.14m, ConcentrationUnit.MicrogramPerGram),
                    labRange: new ReferenceRange(null, 1.1m, ConcentrationUnit.MicrogramPerGram), labFlag: "H"),
                new Measurement("As", Catalog["As"], new(0.02m, ConcentrationUnit.MicrogramPerGram),
                    MeasurementQualifier.BelowDetectionLimit),
                new Measurement("Be", Catalog["Be"], new(0m, ConcentrationUnit.MicrogramPerGram),
                    MeasurementQualifier.NotDetected),
                new Measurement("Sr", Catalog["Sr"], new(500m, ConcentrationUnit.PartsPerBillion),
                    MeasurementQualifier.AboveQuantitationLimit),
            ])
        {
            Lab = "Doctor's Data",
            Treatment = SampleTreatment.Washed,
        };

        var text = Print(new ParseResult<IReadOnlyList<Panel>>([panel], []));

        text.Should().Contain(
            """
              element  name       group          mg%  as reported  lab range      flag  note
              -------  ---------  ----------  ------  -----------  -------------  ----  ------------------------
              Ca       Calcium    nutrient        52  520 µg/g     300–1200 µg/g        reported as 'Calcium'
              Zn       Zinc       nutrient      13.2  132 µg/g     140–220 µg/g   L
              Hg       Mercury    toxic        0.114  1.14 µg/g    ≤1.1 µg/g      H
              As       Arsenic    toxic       <0.002  <0.02 µg/g                        below detection limit
              Be       Beryllium  toxic           ND  ND                                not detected
              Sr       Strontium  additional   >0.05  >500 ppb                          above quantitation limit

            """.ReplaceLineEndings("\n"));
        text.Should().Contain("  lab:       Doctor's Data\n  collected: -\n  sex:       -\n  age:       -\n  treatment: washed\n");
    }

    [Test]
    public void Marks_unrecognised_elements_and_unknown_metadata_fields()
    {
        var panel = new Panel(
            "S-2026-0199",
            [
                Mg("Ca", 40m),
                new Measurement("Ir", null, new(0.001m, ConcentrationUnit.MilligramPercent)),
            ])
        {
            ExtraFields = [new("practitioner", "clinic 3")],
        };
        var warning = Diagnostic.Warning("HTMA0203", "Element 'Ir' is not in the catalogue; kept as reported.",
            new SourceLocation("panel.csv", 3, 1, "element"));

        var text = Print(new ParseResult<IReadOnlyList<Panel>>([panel], [warning]));

        text.Should().Contain("  practitioner: clinic 3 (not a known field)\n");
        text.Should().Contain("  elements:  2 measurements, 1 unrecognised\n");
        text.Should().Contain("  Ir       ?        ?         0.001  0.001 mg%                     unrecognised element, kept as reported\n");
        text.Should().EndWith(
            "diagnostics:\n"
            + "  panel.csv:3:1 (element): warning HTMA0203: Element 'Ir' is not in the catalogue; kept as reported.\n"
            + "0 errors, 1 warning, 0 info\n");
    }

    [Test]
    public void Prints_every_panel_of_a_multi_panel_file_in_order()
    {
        var second = SlowOxidizer() with { SampleId = "S-2026-0102", CollectedOn = new DateOnly(2026, 7, 2) };

        var text = Print(new ParseResult<IReadOnlyList<Panel>>([SlowOxidizer(), second], []));

        text.IndexOf("panel S-2026-0101\n", StringComparison.Ordinal).Should().Be(0);
        text.Should().Contain("\n\npanel S-2026-0102\n").And.Contain("  collected: 2026-07-02\n");
    }

    [Test]
    public void An_empty_panel_list_says_so()
    {
        Print(new ParseResult<IReadOnlyList<Panel>>([], [])).Should().StartWith("The file holds no panel.\n");
    }

    [Test]
    public void Reported_values_and_ranges_keep_the_lab_s_printed_precision()
    {
        var chromium = new Measurement("Cr", Catalog["Cr"], new(0.30m, ConcentrationUnit.MicrogramPerGram),
            labRange: new ReferenceRange(0.20m, 0.40m, ConcentrationUnit.MicrogramPerGram));

        PanelPrinter.Row(chromium).Should().Equal(
            "Cr", "Chromium", "nutrient", "0.03", "0.30 µg/g", "0.20–0.40 µg/g", "", "");
    }

    [Test]
    public void An_empty_panel_list_with_errors_says_nothing_could_be_read()
    {
        var error = Diagnostic.Error("HTMA0101", "The file is empty.", new SourceLocation("empty.csv"));

        Print(new ParseResult<IReadOnlyList<Panel>>([], [error])).Should().Be(
            "No panel could be read.\n\ndiagnostics:\n  empty.csv: error HTMA0101: The file is empty.\n1 error, 0 warnings, 0 info\n");
    }

    [TestCase(0.0000012, "0.0000012")]
    [TestCase(73.50, "73.5")]
    [TestCase(1200, "1200")]
    [TestCase(-0.5, "-0.5")]
    public void Numbers_print_without_exponent_or_trailing_zeros(decimal value, string expected) =>
        PanelPrinter.FormatNumber(value).Should().Be(expected);

    [Test]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var invariant = Print(new ParseResult<IReadOnlyList<Panel>>([SlowOxidizer()], []));
            var commaDecimals = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
            commaDecimals.NumberFormat.NumberGroupSeparator = ".";
            Thread.CurrentThread.CurrentCulture = commaDecimals;
            var commaCulture = Print(new ParseResult<IReadOnlyList<Panel>>([SlowOxidizer()], []));

            commaCulture.Should().Be(invariant).And.Contain("0.114");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    private static Measurement Mg(string symbol, decimal value) =>
        new(symbol, Catalog[symbol], new Concentration(value, ConcentrationUnit.MilligramPercent));

    private static string Print(ParseResult<IReadOnlyList<Panel>> result)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        PanelPrinter.Print(result, writer);
        return writer.ToString();
    }
}
