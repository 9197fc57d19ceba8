using System.Text.Json;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>Issue 16 part 1, the CLI half: <c>interpret --format fhir</c>, and FHIR bundles read by show, interpret and compare.</summary>
public class FhirCommandTests : CommandTestBase
{
    private (int ExitCode, string Stdout, string Stderr) Htma(params string[] args)
    {
        Stdout.GetStringBuilder().Clear();
        Stderr.GetStringBuilder().Clear();
        var exitCode = Run(args);
        return (exitCode, Stdout.ToString(), Stderr.ToString());
    }

    private string ExportFhir(string sample)
    {
        var target = Path.Combine(Folder, Path.GetFileNameWithoutExtension(sample) + ".fhir.json");
        Htma("interpret", TestPaths.Sample(sample), "--format", "fhir", "--out", target).ExitCode.Should().Be(0, Stderr.ToString());
        return target;
    }

    /// <summary>
    /// What <c>htma show</c> prints before its diagnostics (the FHIR file adds a remark that its ratios are computed
    /// again), every column, the lab's printed range and flag included.
    /// </summary>
    private static string Panels(string shown) => shown[..shown.IndexOf("diagnostics", StringComparison.Ordinal)];

    [TestCase("slow-oxidizer.csv")]
    [TestCase("fast-oxidizer.yaml")]
    [TestCase("mixed-pattern.json")]
    [TestCase("fast-oxidizer-lead-cadmium.json")]
    [TestCase("doctors-data-washed.csv")]
    [TestCase("wide-clinic-batch.csv")]
    public void Interpret_format_fhir_of_a_sample_round_trips_through_show(string sample)
    {
        var fhir = ExportFhir(sample);
        var bundle = JsonDocument.Parse(File.ReadAllText(fhir)).RootElement;
        bundle.GetProperty("resourceType").GetString().Should().Be("Bundle");
        bundle.GetProperty("type").GetString().Should().Be("collection");

        var (sourceExit, source, _) = Htma("show", TestPaths.Sample(sample));
        var (exit, shown, _) = Htma("show", fhir);

        exit.Should().Be(sourceExit, shown);
        Panels(shown).Should().Be(Panels(source));
        shown.Should().NotContain(": error").And.NotContain(": warning");
    }

    [Test]
    public void Two_panels_with_one_sample_id_export_as_two_panels_that_read_back()
    {
        var lines = File.ReadAllLines(TestPaths.Sample("wide-clinic-batch.csv"));
        var twice = Write("twice.csv", string.Join('\n', lines[0], lines[1], lines[2].Replace("S-2026-0202,", "S-2026-0201,", StringComparison.Ordinal)) + "\n");
        var (sourceExit, source, _) = Htma("show", twice);
        source.Should().Contain("S-2026-0201").And.Contain(": warning");
        var target = Path.Combine(Folder, "twice.fhir.json");

        Htma("interpret", twice, "--format", "fhir", "--out", target).ExitCode.Should().Be(0, Stderr.ToString());
        var urls = JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("fullUrl").GetString()).ToList();
        var (exit, shown, _) = Htma("show", target);

        urls.Should().OnlyHaveUniqueItems();
        exit.Should().Be(sourceExit);
        Panels(shown).Should().Be(Panels(source), "each report reads back its own Observations");
    }

    [Test]
    public void Interpret_of_a_fhir_bundle_gives_the_interpretation_of_its_source()
    {
        var fhir = ExportFhir("fast-oxidizer-lead-cadmium.json");

        var (_, fromSource, _) = Htma("interpret", TestPaths.Sample("fast-oxidizer-lead-cadmium.json"), "--format", "json");
        var (exit, fromFhir, _) = Htma("interpret", fhir, "--format", "json");

        exit.Should().Be(0);
        var (a, b) = (JsonDocument.Parse(fromSource).RootElement, JsonDocument.Parse(fromFhir).RootElement);
        foreach (var member in new[] { "oxidation", "ratios", "findings" })
        {
            b.GetProperty(member).GetRawText().Should().Be(a.GetProperty(member).GetRawText(), member);
        }
    }

    [Test]
    public void Fhir_output_goes_to_stdout_and_is_read_back_from_standard_input()
    {
        var (exit, bundle, stderr) = Htma("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "fhir");
        exit.Should().Be(0, stderr);
        JsonDocument.Parse(bundle).RootElement.GetProperty("entry")[0].GetProperty("resource").GetProperty("resourceType").GetString().Should().Be("DiagnosticReport");
        var (_, source, _) = Htma("show", TestPaths.Sample("slow-oxidizer.csv"));
        Stdout.GetStringBuilder().Clear();

        RunWithInput(bundle, "show", "-").Should().Be(0);

        Panels(Stdout.ToString()).Should().Be(Panels(source));
        Stdout.ToString().Should().Contain("<stdin> (Bundle.entry[");
    }

    [Test]
    public void Compare_of_two_fhir_files_equals_compare_of_their_sources()
    {
        var older = ExportFhir("retest-P-0009-2025-10-06.csv");
        var newer = ExportFhir("retest-P-0009-2026-02-09.yaml");

        var (sourceExit, fromSources, _) = Htma("compare", TestPaths.Sample("retest-P-0009-2025-10-06.csv"), TestPaths.Sample("retest-P-0009-2026-02-09.yaml"), "--format", "json");
        var (exit, fromFhir, _) = Htma("compare", older, newer, "--format", "json");

        exit.Should().Be(sourceExit).And.Be(0);
        var (a, b) = (JsonDocument.Parse(fromSources).RootElement, JsonDocument.Parse(fromFhir).RootElement);
        foreach (var member in a.EnumerateObject().Where(m => m.Name != "diagnostics"))
        {
            b.GetProperty(member.Name).GetRawText().Should().Be(member.Value.GetRawText(), member.Name);
        }

        var (_, textFromSources, _) = Htma("compare", TestPaths.Sample("retest-P-0009-2025-10-06.csv"), TestPaths.Sample("retest-P-0009-2026-02-09.yaml"));
        var (_, textFromFhir, _) = Htma("compare", older, newer);
        textFromFhir[..textFromFhir.IndexOf("DIAGNOSTICS", StringComparison.Ordinal)]
            .Should().Be(textFromSources[..textFromSources.IndexOf("DIAGNOSTICS", StringComparison.Ordinal)]);
    }

    [Test]
    public void A_broken_fhir_file_is_an_input_error_with_its_json_path()
    {
        var broken = Write("broken.json", """{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "Calcium"}, "valueQuantity": {"value": "lots", "unit": "mg%"}}}]}""");

        var (exit, shown, _) = Htma("show", broken);

        exit.Should().Be(1);
        shown.Should().Contain("broken.json").And.Contain(": error HTMA");
    }

    [Test]
    public void Input_format_fhir_reads_a_file_whose_name_says_nothing()
    {
        var fhir = ExportFhir("slow-oxidizer.csv");
        var renamed = Path.Combine(Folder, "bundle.txt");
        File.Move(fhir, renamed);

        Htma("show", renamed).ExitCode.Should().Be(1, "a .txt file is read as CSV");
        var (exit, shown, _) = Htma("show", renamed, "--input-format", "fhir");

        exit.Should().Be(0);
        shown.Should().StartWith("panel S-2026-0101\n");
    }

    [Test]
    public void Format_fhir_of_input_without_a_panel_writes_no_bundle()
    {
        var empty = Write("empty.json", """{"resourceType": "Bundle", "type": "collection", "entry": []}""");

        var (exit, stdout, stderr) = Htma("interpret", empty, "--format", "fhir");

        exit.Should().Be(1);
        stdout.Should().BeEmpty("an empty bundle would name no model, lab profile or rule set and carry no note");
        stderr.Should().Contain(": error HTMA");
    }

    [Test]
    public void A_fhir_report_with_a_referral_opens_its_conclusion_with_it()
    {
        var (exit, bundle, _) = Htma("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--format", "fhir", "--client", "conditions=diabetes");

        exit.Should().Be(0);
        var conclusion = JsonDocument.Parse(bundle).RootElement.GetProperty("entry")[0].GetProperty("resource").GetProperty("conclusion").GetString();
        conclusion.Should().StartWith("For a physician: ").And.Contain("Oxidation type: ").And.EndWith(Interpretation.NotADiagnosis);
    }
}
