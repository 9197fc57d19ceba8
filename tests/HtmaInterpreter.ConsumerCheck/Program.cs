// Uses the packaged library the way an embedding app would: panel text in memory, embedded YAML defaults,
// no file paths. Prints what it checked; exits 1 on the first failed check.
using HtmaInterpreter;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;

const string report = """
    # sample_id: CONSUMER-1
    # lab: ARL
    # sex: female
    element,value,unit
    Ca,118,mg%
    Mg,12,mg%
    Na,18,mg%
    K,5,mg%
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

var read = new PanelReader().ReadText(report, "consumer.csv");
Check(!read.HasErrors && read.Value is { Count: 1 }, "the panel reads without errors");
var interpretation = Interpreter.Default.Interpret(read.Value![0]);
Check(interpretation.Oxidation.Type == OxidationType.Slow, "Ca/K 23.6 and Na/Mg 1.5 read as slow oxidation");
Check(interpretation.LabProfile.Id == "arl", "the embedded ARL lab profile is found");
Check(interpretation.Findings.Any(f => f.RuleId == "low-sodium-slow-oxidation"), "the embedded rule set fires low-sodium-slow-oxidation");
Check(Interpreter.Default.Rules.RuleIds.Count >= 22, "the embedded rule set has all default rules");
var json = ReportRenderer.Render(interpretation, ReportFormat.Json);
Check(json.Contains("\"type\": \"slow\"", StringComparison.Ordinal) && json == ReportRenderer.Render(Interpreter.Default.Interpret(read.Value[0]), ReportFormat.Json),
    "the JSON report is produced and byte-identical on a second run");

Console.WriteLine(failures == 0 ? "consumer check passed" : $"consumer check failed: {failures} check(s)");
return failures == 0 ? 0 : 1;
