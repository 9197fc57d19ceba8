using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HtmaInterpreter.Extensions.DependencyInjection.Tests;

/// <summary>AddHtmaInterpreter in a real generic host, configured from JSON.</summary>
public class HostingTests
{
    private const string BrokenRule = """
        rules:
          - id: broken-rule
            title: A rule that names a ratio no definition has
            category: minerals
            severity: attention
            when: Qq/Zz is low
            explanation: Broken on purpose.
            source: potassium
        """;

    [Test]
    public async Task Good_configuration_starts_and_interprets_a_sample_through_DI()
    {
        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(TestHosts.Config(TestPaths.CopyOfDefinitions(), labId: "tei", modelId: "ca-k-na-k"), logs);
        await host.StartAsync();

        var interpreter = host.Services.GetRequiredService<Interpreter>();
        interpreter.Options.LabId.Should().Be("tei");
        interpreter.Options.ModelId.Should().Be("ca-k-na-k");
        host.Services.GetRequiredService<RetestComparer>().Interpreter.Should().BeSameAs(interpreter);
        host.Services.GetRequiredService<PanelReader>().Should().BeSameAs(host.Services.GetRequiredService<PanelReader>());

        var service = host.Services.GetRequiredService<HtmaInterpretationService>();
        service.Interpreter.Should().BeSameAs(interpreter);
        var result = service.InterpretText(File.ReadAllText(TestPaths.Sample("slow-oxidizer.csv")), "slow-oxidizer.csv");
        result.HasErrors.Should().BeFalse();
        var interpretation = result.Interpretations.Should().ContainSingle().Subject;
        interpretation.Panel.SampleId.Should().Be("S-2026-0101");
        interpretation.LabProfile.Id.Should().Be("tei");
        interpretation.Oxidation.ModelId.Should().Be("ca-k-na-k");
        interpretation.Should().BeEquivalentTo(Interpreter.Create(interpreter.Options).Value!.Interpret(interpretation.Panel));

        var json = host.Services.GetRequiredService<IHtmaReportRenderer>().Render(interpretation, ReportFormat.Json);
        json.Should().Contain("\"schemaVersion\": 1").And.Contain(interpreter.Rules.Version).And.Contain("Not a diagnosis");

        // Created once: validation on start, the singleton and the service share one load.
        logs.Entries.Where(e => e.EventId.Id == HtmaLogEvents.DefinitionsLoaded).Should().ContainSingle()
            .Which.Message.Should().Contain($"rule set {interpreter.Rules.Name} {interpreter.Rules.Version} with {interpreter.Rules.RuleIds.Count} rules");
        logs.Entries.Where(e => e.EventId.Id == HtmaLogEvents.PanelInterpreted).Should().ContainSingle()
            .Which.Message.Should().MatchRegex($"^Panel s-[0-9a-f]{{12}} interpreted: {interpretation.Findings.Count} findings");
        await host.StopAsync();
    }

    [Test]
    public async Task Embedded_definitions_are_the_default_when_the_section_is_empty()
    {
        using var host = TestHosts.Build("{}", new CapturingLoggerProvider());
        await host.StartAsync();
        var interpreter = host.Services.GetRequiredService<Interpreter>();
        interpreter.Options.Should().Be(new InterpreterOptions());
        interpreter.Rules.Name.Should().Be(Interpreter.Default.Rules.Name);
        await host.StopAsync();
    }

    [Test]
    public async Task Broken_definitions_folder_fails_start_with_the_located_diagnostics()
    {
        var folder = TestPaths.CopyOfDefinitions();
        File.WriteAllText(Path.Combine(folder, "rules", "zz-broken.yaml"), BrokenRule);
        var expected = Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = folder }).Diagnostics
            .Where(d => d.Severity == HtmaInterpreter.Diagnostics.DiagnosticSeverity.Error).ToList();
        expected.Should().NotBeEmpty();

        var logs = new CapturingLoggerProvider();
        using var host = TestHosts.Build(TestHosts.Config(folder), logs);
        var start = async () => await host.StartAsync();

        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.OptionsType.Should().Be<HtmaOptions>();
        failure.Failures.Should().Equal(expected.Select(d => d.ToString()));
        failure.Failures.Should().Contain(f => f.Contains("zz-broken.yaml:6:", StringComparison.Ordinal) && f.Contains(expected[0].Code, StringComparison.Ordinal));
        logs.Entries.Should().Contain(e => e.EventId.Id == HtmaLogEvents.DefinitionsRejected && e.Level == LogLevel.Error && e.Message.Contains(expected[0].Code, StringComparison.Ordinal));

        // Resolving the interpreter without starting fails the same way, never with a half-made interpreter.
        var resolve = () => host.Services.GetRequiredService<Interpreter>();
        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(failure.Failures);
    }

    [TestCase("""{ "Htma": { "LabId": "no-such-lab" } }""", "HTMA", "There is no lab 'no-such-lab'")]
    [TestCase("""{ "Htma": { "ModelId": "no-such-model" } }""", "HTMA", "There is no model 'no-such-model'")]
    [TestCase("""{ "Htma": { "LabId": "  " } }""", "Htma:LabId", "is blank")]
    [TestCase("""{ "Htma": { "DefinitionsDirectory": "/no/such/htma/folder" } }""", "Htma:DefinitionsDirectory", "does not exist")]
    public async Task Bad_option_values_fail_validation_at_start(string json, string prefix, string words)
    {
        using var host = TestHosts.Build(json, new CapturingLoggerProvider());
        var start = async () => await host.StartAsync();
        var failure = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        failure.Failures.Should().ContainSingle().Which.Should().Contain(prefix).And.Contain(words);
    }

    [Test]
    public async Task Health_check_is_healthy_with_the_rule_set_name_version_and_count()
    {
        using var host = TestHosts.Build(TestHosts.Config(), new CapturingLoggerProvider());
        await host.StartAsync();
        var rules = host.Services.GetRequiredService<Interpreter>().Rules;

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Status.Should().Be(HealthStatus.Healthy);
        var entry = report.Entries["htma-rule-set"];
        entry.Data["ruleSet"].Should().Be(rules.Name);
        entry.Data["ruleSetVersion"].Should().Be(rules.Version);
        entry.Data["rules"].Should().Be(rules.RuleIds.Count);
        rules.RuleIds.Count.Should().BePositive();
        await host.StopAsync();
    }

    [Test]
    public async Task Health_check_is_unhealthy_when_the_definitions_are_broken()
    {
        var folder = TestPaths.CopyOfDefinitions();
        File.WriteAllText(Path.Combine(folder, "rules", "zz-broken.yaml"), BrokenRule);
        var code = Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = folder }).Diagnostics
            .First(d => d.Severity == HtmaInterpreter.Diagnostics.DiagnosticSeverity.Error).Code;
        using var host = TestHosts.Build(TestHosts.Config(folder), new CapturingLoggerProvider());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Status.Should().Be(HealthStatus.Unhealthy);
        report.Entries["htma-rule-set"].Data["errors"].Should().BeOfType<string>().Which.Should().Contain(code);
    }

    [Test]
    public void Action_overload_registers_the_same_services_and_validates()
    {
        var services = new ServiceCollection();
        services.AddHtmaInterpreter(options => options.LabId = "arl");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<Interpreter>().Options.LabId.Should().Be("arl");
        provider.GetRequiredService<HtmaInterpretationService>().Should().NotBeNull();

        var bad = new ServiceCollection().AddHtmaInterpreter(options => options.ModelId = "nope").BuildServiceProvider();
        var resolve = () => bad.GetRequiredService<Interpreter>();
        resolve.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Contain("There is no model 'nope'");
        bad.Dispose();
    }
}
