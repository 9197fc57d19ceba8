using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>A sample id given to two panels of one file is a warning naming both lines; both panels are kept.</summary>
public sealed class DuplicateSampleIdTests
{
    private const string Wide = "sample_id,lab,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\nA-1,ARL,40,10,41.7,10\nA-2,ARL,41,10,41.7,10\n A-1 ,ARL,42,10,41.7,10\n\"A-2\",ARL,43,10,41.7,10\nA-3,ARL,44,10,41.7,10\n";

    [Test]
    public void A_wide_csv_reports_each_repeated_id_at_its_sample_id_field_and_keeps_every_panel()
    {
        var result = Read(Wide, "dup.csv");

        result.Value!.Select(p => p.SampleId).Should().Equal("A-1", "A-2", "A-1", "A-2", "A-3");
        result.Value!.Select(p => p.Find("Ca")!.Amount.Value).Should().Equal(40m, 41m, 42m, 43m, 44m);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateSampleId).ToList();
        warnings.Should().HaveCount(2);
        warnings.Should().OnlyContain(w => w.Severity == DiagnosticSeverity.Warning);
        warnings[0].Location.Should().Be(new SourceLocation("dup.csv", 4, 1, "sample_id"));
        warnings[0].Message.Should().Contain("'A-1'").And.Contain("line 2").And.Contain("line 4").And.Contain("Both panels are kept");
        warnings[1].Location.Should().Be(new SourceLocation("dup.csv", 5, 1, "sample_id"));
        warnings[1].Message.Should().Contain("'A-2'").And.Contain("line 3").And.Contain("line 5");
    }

    [Test]
    public void Yaml_and_json_files_of_several_panels_report_a_repeated_id_with_both_lines()
    {
        var yaml = Read("panels:\n  - sample_id: Y-1\n    measurements: [{ element: Ca, value: 40, unit: mg% }]\n  - sample_id: Y-1\n    measurements: [{ element: Ca, value: 41, unit: mg% }]\n", "dup.yaml");
        var json = Read("[\n{\"sample_id\":\"J-1\",\"measurements\":[]},\n{\"sample_id\":\"J-2\",\"measurements\":[]},\n{\"sample_id\":\"J-1\",\"measurements\":[]}\n]", "dup.json");

        yaml.Value.Should().HaveCount(2);
        var inYaml = SingleWithCode(yaml, DiagnosticCodes.DuplicateSampleId);
        inYaml.Location.Line.Should().Be(4);
        inYaml.Message.Should().Contain("'Y-1'").And.Contain("line 2").And.Contain("line 4");
        json.Value.Should().HaveCount(3);
        var inJson = SingleWithCode(json, DiagnosticCodes.DuplicateSampleId);
        inJson.Location.Line.Should().Be(4);
        inJson.Message.Should().Contain("'J-1'").And.Contain("line 2").And.Contain("line 4");
    }

    [Test]
    public void Different_ids_and_rows_without_an_id_are_not_reported()
    {
        var result = Read("sample_id,Ca (mg%)\nB-1,40\nb-1,41\n,42\n,43\nB-1x,44\n", "ids.csv");

        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.DuplicateSampleId);
    }

    [Test]
    public void The_batch_reports_the_same_repeats_whichever_reader_takes_a_row()
    {
        var results = ReaderTestSupport.RunBatchBothWays(Wide, "dup.csv", new BatchOptions { ChunkSize = 2 });

        results.Should().HaveCount(5).And.OnlyContain(r => r.IsInterpreted);
        results.Select(r => r.ReadDiagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateSampleId)).Should().Equal(0, 0, 1, 1, 0);
        results[2].ReadDiagnostics.Single().Location.Should().Be(new SourceLocation("dup.csv", 4, 1, "sample_id"));
    }

    [Test]
    public void Ids_are_remembered_up_to_the_limit_and_one_first_seen_past_it_is_not()
    {
        var ids = new SampleIds();
        static byte[] Id(int i) => Encoding.ASCII.GetBytes($"S-{i}");
        for (var i = 0; i < InputLimits.MaxSampleIdsRemembered; i++)
        {
            ids.SeenOrAdd(Id(i), i + 2).Should().BeFalse();
        }

        ids.SeenOrAdd(Id(InputLimits.MaxSampleIdsRemembered), 0).Should().BeFalse("one past the limit is not remembered...");
        ids.SeenOrAdd(Id(InputLimits.MaxSampleIdsRemembered), 0).Should().BeFalse("...so its repeat is not found");
        ids.SeenOrAdd(Id(InputLimits.MaxSampleIdsRemembered - 1), 0).Should().BeTrue("the last id remembered still is");

        var diagnostics = new List<Diagnostic>();
        ids.Check("S-0", new SourceLocation("big.csv", 9, 1, "sample_id"), diagnostics);
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("line 2").And.Contain("line 9");
    }
}
