using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Panels;

public class UnitsTests
{
    [TestCase("mg%", ConcentrationUnit.MilligramPercent)]
    [TestCase("MG%", ConcentrationUnit.MilligramPercent)]
    [TestCase(" ppm ", ConcentrationUnit.PartsPerMillion)]
    [TestCase("µg/g", ConcentrationUnit.MicrogramPerGram)]
    [TestCase("ug/g", ConcentrationUnit.MicrogramPerGram)]
    [TestCase("MCG/G", ConcentrationUnit.MicrogramPerGram)]
    [TestCase("mg/kg", ConcentrationUnit.MilligramPerKilogram)]
    [TestCase("ppb", ConcentrationUnit.PartsPerBillion)]
    [TestCase("ng/g", ConcentrationUnit.NanogramPerGram)]
    public void Parses_units_as_labs_print_them(string text, ConcentrationUnit expected)
    {
        Units.TryParse(text, out var unit).Should().BeTrue();
        unit.Should().Be(expected);
    }

    [TestCase("")]
    [TestCase("mmol/L")]
    [TestCase("%")]
    public void Rejects_unknown_units(string text) => Units.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Mercury_in_mg_percent_converts_exactly_to_micrograms_per_gram()
    {
        var mercury = new Concentration(0.114m, ConcentrationUnit.MilligramPercent);

        var converted = mercury.To(ConcentrationUnit.MicrogramPerGram);

        converted.Value.Should().Be(1.14m);
        converted.ToString().Should().Be("1.14 µg/g");
        converted.To(ConcentrationUnit.MilligramPercent).Value.Should().Be(0.114m);
        mercury.IsSameAmountAs(converted).Should().BeTrue();
    }

    [TestCase(1, ConcentrationUnit.PartsPerMillion, 10)]
    [TestCase(1, ConcentrationUnit.MilligramPerKilogram, 10)]
    [TestCase(1, ConcentrationUnit.PartsPerBillion, 10000)]
    [TestCase(1, ConcentrationUnit.NanogramPerGram, 10000)]
    public void One_mg_percent_in_other_units(decimal mgPercent, ConcentrationUnit unit, decimal expected) =>
        Units.Convert(mgPercent, ConcentrationUnit.MilligramPercent, unit).Should().Be(expected);

    [Test]
    public void Every_element_symbol_and_name_is_found_case_insensitively()
    {
        var catalog = ElementCatalog.Default;
        catalog.TryFind("CA", out var calcium).Should().BeTrue();
        calcium!.Symbol.Should().Be("Ca");
        catalog.TryFind("calcium", out var byName).Should().BeTrue();
        byName.Should().Be(calcium);
        catalog.TryFind("Aluminium", out var aluminum).Should().BeTrue();
        aluminum!.Category.Should().Be(ElementCategory.Toxic);
        catalog.TryFind("Unobtainium", out _).Should().BeFalse();
    }
}
