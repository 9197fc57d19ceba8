// Uses the packaged library the way an embedding app would: panel text in memory, embedded YAML defaults,
// no file paths; also published trimmed (PublishTrimmed=true) by .ci/run. Prints what it checked; exits 1 on the first failed check.
using HtmaInterpreter;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

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

foreach (var format in Enum.GetValues<ReportFormat>())
{
    Check(ReportRenderer.Render(interpretation, format).Contains("Not a diagnosis", StringComparison.Ordinal),
        $"the {format} report carries the not-a-diagnosis note");
}

// A YAML panel and a retest comparison of three dated tests (the trend fit uses MathNet.Numerics): code paths a
// trimmed app must keep as well.
string Retest(string date, double calcium) => $$"""
    sample_id: R-{{date}}
    subject_id: P-1
    lab: ARL
    collected: {{date}}
    unit: mg%
    measurements:
      - { element: Ca, value: {{calcium}} }
      - { element: Mg, value: 8 }
      - { element: Na, value: 20 }
      - { element: K, value: 8 }
    """;
var tests = new[] { Retest("2025-01-10", 60), Retest("2025-05-10", 80), Retest("2025-09-10", 100) }
    .Select((text, i) => new PanelReader().ReadText(text, $"retest-{i}.yaml"))
    .ToList();
Check(tests.All(t => !t.HasErrors && t.Value is { Count: 1 }), "three YAML panels read without errors");
var compared = new RetestComparer(Interpreter.Default).Compare(tests.Select(t => t.Value![0]).ToList());
Check(!compared.HasErrors && compared.Value!.Tests.Count == 3, "the three tests are compared");
Check(compared.Value?.Elements.Single(e => e.Name == "Ca").Trend is { SlopePerMonth: > 0 }, "calcium's trend rises");
Check(ReportRenderer.Render(compared.Value!, ReportFormat.Html).Contains("Not a diagnosis", StringComparison.Ordinal),
    "the HTML comparison carries the not-a-diagnosis note");

Console.WriteLine(failures == 0 ? "consumer check passed" : $"consumer check failed: {failures} check(s)");
return failures == 0 ? 0 : 1;
