using System.Globalization;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HtmaInterpreter.Extensions.DependencyInjection.Tests;

/// <summary>No patient value, name, id, file name or other sample content ever reaches a log line.</summary>
public class LogPrivacyTests
{
    // A panel of a made-up patient whose every value is distinctive enough to be searched for in the logs.
    private const string PatientFile = """
        # sample_id: S-PRIV-93817
        # subject_id: P-JANE-QUINTANA
        # patient_name: Jane Quintana
        # date_of_birth: 1961-04-23
        # lab: TEI
        # collected: 2026-03-17
        # sex: female
        # age: 64
        element,value,unit,reference_low,reference_high,flag
        Ca,123.4567,mg%,22,97,H
        Mg,8.7654,mg%,,,
        Na,21.0987,mg%,,,
        K,4.3219,mg%,,,
        Pb,0.9876,mg%,,0.18,H
        Hg,<0.0123,mg%,,,
        Unobtainium,55.5511,mg%,,,
        """;

    [Test]
    public async Task Interpreting_comparing_and_rejecting_samples_logs_no_patient_data()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(TestHosts.Config(), logs);
        await host.StartAsync();
        var service = host.Services.GetRequiredService<HtmaInterpretationService>();
        var secrets = new HashSet<string>(StringComparer.Ordinal)
        {
            "S-PRIV-93817", "P-JANE-QUINTANA", "Jane Quintana", "Quintana", "1961-04-23", "2026-03-17", "jane-quintana-2026.csv",
            "123.4567", "8.7654", "21.0987", "4.3219", "0.9876", "0.0123", "Unobtainium", "55.5511", "night_cramps", "much_sugar",
        };

        var context = new ClientContext
        {
            AgeYears = 64,
            Sex = Sex.Female,
            Symptoms = new HashSet<string> { "night_cramps" },
            Diet = new HashSet<string> { "much_sugar" },
        };
        var own = service.InterpretText(PatientFile, "jane-quintana-2026.csv", context);
        own.Interpretations.Should().ContainSingle().Which.Panel.SubjectId.Should().Be("P-JANE-QUINTANA");

        // Every sample of the repository, the invalid ones included (input rejected), and a retest comparison.
        var files = Directory.EnumerateFiles(TestPaths.Samples, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".csv" or ".yaml" or ".yml" or ".json")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}branding{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var interpreted = 0;
        var rejected = 0;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var result = service.InterpretStream(stream, Path.GetFileName(file));
            interpreted += result.Interpretations.Count;
            rejected += result.HasErrors ? 1 : 0;
            secrets.Add(Path.GetFileName(file));
            foreach (var panel in result.Interpretations.Select(i => i.Panel))
            {
                AddPanelSecrets(panel, secrets);
            }
        }

        var reader = new PanelReader();
        var retest = new[] { "retest-P-0009-2025-10-06.csv", "retest-P-0009-2026-02-09.yaml" }
            .SelectMany(name => reader.ReadFile(TestPaths.Sample(name)).Value!)
            .ToList();
        service.Compare(retest).HasErrors.Should().BeFalse();
        service.Compare([retest[0]]).HasErrors.Should().BeTrue("one panel is not a retest");
        _ = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        interpreted.Should().BeGreaterThan(30);
        rejected.Should().BePositive();
        var entries = logs.Entries;
        entries.Count(e => e.EventId.Id == HtmaLogEvents.PanelInterpreted).Should().Be(interpreted + 1);
        entries.Should().Contain(e => e.EventId.Id == HtmaLogEvents.InputRejected);
        entries.Should().Contain(e => e.EventId.Id == HtmaLogEvents.RetestCompared);
        entries.Should().Contain(e => e.EventId.Id == HtmaLogEvents.RetestRejected);
        secrets.RemoveWhere(s => s.Length < 4);
        secrets.Count.Should().BeGreaterThan(100);

        // Every secret is searched for in this package's entries; in the framework's own entries (hosting, health
        // checks) only the texts, since those print timings such as 0.0704ms that may contain a measured value.
        var leaks = (from entry in entries
                     let ours = entry.Category.StartsWith("HtmaInterpreter", StringComparison.Ordinal)
                     let text = entry.AllText()
                     from secret in secrets
                     where (ours || !double.TryParse(secret, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                         && text.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{secret} in: {text}").ToList();
        entries.Count(e => e.Category.StartsWith("HtmaInterpreter", StringComparison.Ordinal)).Should().BeGreaterThan(interpreted);
        leaks.Should().BeEmpty();
    }

    [Test]
    public async Task Rejected_input_is_logged_with_its_codes_only()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(TestHosts.Config(), logs);
        await host.StartAsync();

        var result = host.Services.GetRequiredService<HtmaInterpretationService>()
            .InterpretText("# sample_id: S-PRIV-1\nelement,value,unit\nCa,twelve-and-a-half,mg%\n", "p.csv");

        var codes = result.ReadDiagnostics.Where(d => d.Severity == HtmaInterpreter.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code).Distinct().ToList();
        codes.Should().NotBeEmpty();
        var entry = logs.Entries.Should().ContainSingle(e => e.EventId.Id == HtmaLogEvents.InputRejected).Subject;
        entry.Message.Should().Be($"Input had {codes.Count} errors ({string.Join(", ", codes)}); {result.Interpretations.Count} panels could be read");
        logs.Entries.Should().NotContain(e => e.AllText().Contains("twelve", StringComparison.Ordinal) || e.AllText().Contains("S-PRIV-1", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Test]
    public async Task The_same_sample_gets_the_same_pseudonym_and_another_sample_another()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(TestHosts.Config(), logs);
        await host.StartAsync();
        var service = host.Services.GetRequiredService<HtmaInterpretationService>();
        service.InterpretText(PatientFile, "a.csv");
        service.InterpretText(PatientFile, "b.csv");
        service.InterpretText(PatientFile.Replace("S-PRIV-93817", "S-PRIV-93818", StringComparison.Ordinal), "c.csv");

        var refs = logs.Entries.Where(e => e.EventId.Id == HtmaLogEvents.PanelInterpreted)
            .Select(e => e.State.Single(p => p.Key == "SampleRef").Value as string).ToList();
        refs.Should().HaveCount(3);
        refs[0].Should().Be(refs[1]).And.NotBe(refs[2]);
        await host.StopAsync();
    }

    private static void AddPanelSecrets(Panel panel, HashSet<string> secrets)
    {
        secrets.Add(panel.SampleId);
        if (panel.SubjectId is { } subject)
        {
            secrets.Add(subject);
        }

        if (panel.CollectedOn is { } collected)
        {
            secrets.Add(collected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var field in panel.ExtraFields)
        {
            secrets.Add(field.Value);
        }

        foreach (var measurement in panel.Measurements)
        {
            // Amounts with a decimal point: a bare small integer could equal a count in a log line by chance.
            var amount = measurement.Amount.Value.ToString(CultureInfo.InvariantCulture);
            if (amount.Contains('.', StringComparison.Ordinal))
            {
                secrets.Add(amount);
            }
        }
    }
}
