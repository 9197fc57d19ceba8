using HtmaInterpreter.Testing;
using HtmaInterpreter.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HtmaInterpreter.Extensions.DependencyInjection.Tests;

/// <summary>The DI registration of README.md's "In a clinic system" section is this file's <see cref="Example"/>, compiled and run here.</summary>
[NonParallelizable]
public class ReadmeDiExampleTests
{
    private static async Task Example()
    {
        // README DI example start
        var builder = Host.CreateApplicationBuilder();   // appsettings.json: { "Htma": { "LabId": "tei" } }
        builder.Services.AddHtmaInterpreter(builder.Configuration.GetSection("Htma"));
        builder.Services.AddHealthChecks().AddHtmaRuleSetCheck();
        using var host = builder.Build();
        await host.StartAsync();   // broken definitions or options stop here, each problem with its code, file and line

        var htma = host.Services.GetRequiredService<HtmaInterpretationService>();   // logs counts and codes, no patient data
        var renderer = host.Services.GetRequiredService<IHtmaReportRenderer>();
        using var input = File.OpenRead("samples/slow-oxidizer.csv");
        var result = htma.InterpretStream(input, "slow-oxidizer.csv");
        foreach (var diagnostic in result.ReadDiagnostics) Console.Error.WriteLine(diagnostic);
        foreach (var interpretation in result.Interpretations)
            Console.WriteLine(renderer.Render(interpretation, ReportFormat.Markdown));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Console.WriteLine($"health: {health.Status}");
        await host.StopAsync();
        // README DI example end
    }

    [Test]
    public async Task Readme_DI_example_runs_in_a_folder_with_appsettings_json()
    {
        var folder = Directory.CreateTempSubdirectory("htma-di-readme-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        File.Copy(TestPaths.Sample("slow-oxidizer.csv"), Path.Combine(folder, "samples", "slow-oxidizer.csv"));
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{ "Htma": { "LabId": "tei" }, "Logging": { "LogLevel": { "Default": "None" } } }""");
        var tei = Interpreter.Default.Definitions.FindLab("tei")!;

        var printed = await ReadmeExamples.RunInAsync(folder, Example);

        printed.Should().Contain("S-2026-0101").And.Contain(tei.Name).And.Contain("Not a diagnosis").And.EndWith($"health: Healthy{Environment.NewLine}");
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Readme_DI_example_is_the_code_run_here()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var section = readme.IndexOf("## In a clinic system", StringComparison.Ordinal);
        if (section < 0)
        {
            Assert.Ignore("README.md has no \"In a clinic system\" section yet (issue 16: added when the parts are merged).");
        }

        var block = ReadmeExamples.CsharpBlocks(readme[section..]).FirstOrDefault(code => code.Contains("AddHtmaInterpreter", StringComparison.Ordinal));
        block.Should().NotBeNull("the section should have a csharp block with AddHtmaInterpreter");
        var source = Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Extensions.DependencyInjection.Tests", "ReadmeDiExampleTests.cs");
        ReadmeExamples.Code(block!).Should().Equal(ReadmeExamples.Code(ReadmeExamples.MarkedCode(source, "README DI example")));
    }
}
