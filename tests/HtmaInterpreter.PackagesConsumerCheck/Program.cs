// Uses the three packages from the local feed the way a clinic system would: a FHIR round trip (export a panel, read
// the bundle back, interpret again) and the DI registration in a generic host. Prints what it checked; exits 1 when a check failed.
using HtmaInterpreter;
using HtmaInterpreter.Extensions.DependencyInjection;
using HtmaInterpreter.Fhir;
using HtmaInterpreter.Readers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

const string panelText = """
    # sample_id: PACKAGES-1
    # subject_id: P-1
    # lab: ARL
    # sex: female
    # collected: 2026-03-04
    element,value,unit
    Ca,118,mg%
    Mg,12,mg%
    Na,18,mg%
    K,5,mg%
    Zn,15,mg%
    Cu,2.4,mg%
    P,14,mg%
    Pb,0.021,mg%
    """;

var failures = 0;
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")}  {what}");
    if (!condition)
    {
        failures++;
    }
}

// FHIR round trip.
var read = new PanelReader().ReadText(panelText, "packages.csv");
Check(!read.HasErrors && read.Value is { Count: 1 }, "the panel reads without errors");
var interpretation = Interpreter.Default.Interpret(read.Value![0]);
var json = FhirExporter.ToJson(interpretation);
Check(json.Contains("\"resourceType\": \"Bundle\"", StringComparison.Ordinal) && json.Contains(Interpretation.NotADiagnosis[..40], StringComparison.Ordinal),
    "the FHIR export is a Bundle carrying the not-a-diagnosis note");
var back = FhirImporter.ReadText(json, "packages.json");
Check(!back.HasErrors && back.Value is { Count: 1 }, "the bundle reads back into one panel without errors");
var again = Interpreter.Default.Interpret(back.Value![0]);
Check(again.Oxidation.Type == interpretation.Oxidation.Type, $"the oxidation type survives the round trip ({again.Oxidation.Type})");
Check(again.Findings.Select(f => f.RuleId).SequenceEqual(interpretation.Findings.Select(f => f.RuleId)) && again.Findings.Count > 0,
    $"the same rules fire after the round trip ({again.Findings.Count})");

// DI in a generic host.
var builder = Host.CreateApplicationBuilder([]);
builder.Services.AddHtmaInterpreter(options => options.LabId = "arl");
using var host = builder.Build();
await host.StartAsync();
var htma = host.Services.GetRequiredService<HtmaInterpretationService>();
var result = htma.InterpretText(panelText, "packages.csv");
Check(!result.HasErrors && result.Interpretations.Count == 1, "the host's HtmaInterpretationService interprets the panel");
Check(result.Interpretations.Count == 1 && result.Interpretations[0].Oxidation.Type == interpretation.Oxidation.Type
    && result.Interpretations[0].LabProfile.Id == "arl", "with the configured lab profile and the same oxidation type");
Check(ReferenceEquals(host.Services.GetRequiredService<Interpreter>(), htma.Interpreter), "the Interpreter is one singleton");
await host.StopAsync();

Console.WriteLine(failures == 0 ? "packages consumer check passed" : $"packages consumer check failed: {failures} check(s)");
return failures == 0 ? 0 : 1;
