using System.Text;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Oxidation;

/// <summary>The one table of enum words: reports, batch rows (text and UTF-8) and readers use the same words.</summary>
public sealed class OxidationWordsTests
{
    [Test]
    public void Every_oxidation_type_has_one_word_in_reports_and_batch_rows()
    {
        Enum.GetValues<OxidationType>().Select(OxidationWords.Name).Should().Equal("indeterminate", "slow", "fast", "mixed");
        foreach (var type in Enum.GetValues<OxidationType>())
        {
            ReportText.Name(type).Should().Be(OxidationWords.Name(type));
            Encoding.UTF8.GetString(OxidationWords.Utf8(type)).Should().Be(OxidationWords.Name(type));
        }
    }

    [Test]
    public void Every_oxidation_degree_has_one_word_in_reports_and_batch_rows()
    {
        Enum.GetValues<OxidationDegree>().Select(OxidationWords.Name).Should().Equal(null, "mild", "moderate", "extreme");
        foreach (var degree in Enum.GetValues<OxidationDegree>())
        {
            ReportText.Name(degree).Should().Be(OxidationWords.Name(degree));
            Encoding.UTF8.GetString(OxidationWords.Utf8(degree)).Should().Be(OxidationWords.Name(degree) ?? "");
        }

        OxidationWords.Utf8((OxidationDegree?)null).IsEmpty.Should().BeTrue();
    }

    [Test]
    public void The_words_shown_for_sex_and_treatment_are_the_words_read()
    {
        foreach (var sex in new[] { Sex.Female, Sex.Male })
        {
            FieldRules.ParseSex(ReportText.Name(sex)).Should().Be(sex);
        }

        foreach (var treatment in new[] { SampleTreatment.Washed, SampleTreatment.Unwashed })
        {
            FieldRules.ParseTreatment(ReportText.Name(treatment)).Should().Be(treatment);
        }

        ReportText.Name(Sex.Unknown).Should().BeNull();
        ReportText.Name(SampleTreatment.Unknown).Should().Be("unknown");
    }
}
