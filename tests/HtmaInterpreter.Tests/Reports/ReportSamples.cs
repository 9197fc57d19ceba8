using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>Interpretations of the samples, and a hostile one, for the report tests.</summary>
internal static class ReportSamples
{
    public const string HostileSampleId = "<script>alert(1)</script>";
    public const string HostileSubject = "Smith & \"Jones\" 'O'Brien'";
    public const string HostileElementName = "<img src=x onerror=alert(2)>";
    public const string HostileMessage = "value <b>bold</b> & \"quoted\"";
    public const string HostileFile = "evil<file>&.csv";

    /// <summary>Every sample file (not README.md), by name.</summary>
    public static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(TestPaths.Samples)
            .Select(path => Path.GetFileName(path)!)
            .Where(name => !name.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads a sample and interprets every panel, with the read diagnostics.</summary>
    public static (IReadOnlyList<HtmaInterpreter.Interpretation> Interpretations, IReadOnlyList<Diagnostic> ReadDiagnostics) Interpret(string sampleName)
    {
        var read = new PanelReader().ReadFile(TestPaths.Sample(sampleName));
        read.HasErrors.Should().BeFalse();
        return (read.Value!.Select(panel => Interpreter.Default.Interpret(panel)).ToList(), read.Diagnostics);
    }

    /// <summary>One interpretation of a sample with one panel.</summary>
    public static HtmaInterpreter.Interpretation One(string sampleName) => Interpret(sampleName).Interpretations.Single();

    /// <summary>
    /// The lead/cadmium sample with a sample id that is a script tag, a subject with an ampersand and quotes, and an
    /// unrecognised element whose reported name is an HTML tag.
    /// </summary>
    public static HtmaInterpreter.Interpretation Hostile()
    {
        var panel = new PanelReader().ReadFile(TestPaths.Sample("fast-oxidizer-lead-cadmium.json")).Value!.Single();
        var hostile = panel with
        {
            SampleId = HostileSampleId,
            SubjectId = HostileSubject,
            Measurements = [.. panel.Measurements, new Measurement(HostileElementName, null, new Concentration(1.5m, ConcentrationUnit.MilligramPercent))],
        };
        return Interpreter.Default.Interpret(hostile);
    }

    /// <summary>The lead/cadmium sample with a client who has diabetes, which fires the circulation referral.</summary>
    public static HtmaInterpreter.Interpretation WithReferral()
    {
        var panel = new PanelReader().ReadFile(TestPaths.Sample("fast-oxidizer-lead-cadmium.json")).Value!.Single();
        var interpretation = Interpreter.Default.Interpret(panel, new ClientContext { Conditions = new HashSet<string> { "diabetes" } });
        interpretation.Referrals.Should().NotBeEmpty();
        return interpretation;
    }

    /// <summary>A read diagnostic whose message and file name carry HTML.</summary>
    public static IReadOnlyList<Diagnostic> HostileDiagnostics() =>
        [Diagnostic.Warning("HTMA0199", HostileMessage, new SourceLocation(HostileFile, 3, 7, "Ca"))];
}
