using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// The rendered example report the README shows, kept in <c>samples/report/</c>: the HTML of the lead/cadmium sample
/// under the sample branding (checked to be exactly what the library renders today), and a PNG of its first printed
/// A4 page made by headless Chromium and pdftoppm. To accept a deliberate change of the report, run the tests with
/// <c>HTMA_UPDATE_EXAMPLE=1</c> (with Chromium and poppler-utils installed, so the PNG is made again too) and look at
/// both files before committing.
/// </summary>
public class ExampleReportTests
{
    private const string Sample = "fast-oxidizer-lead-cadmium.json";

    private static bool Updating => Environment.GetEnvironmentVariable("HTMA_UPDATE_EXAMPLE") == "1";

    private static string ExampleFolder => Path.Combine(TestPaths.Samples, "report");

    private static string ExampleHtml => Path.Combine(ExampleFolder, "example-report.html");

    private static string ExamplePng => Path.Combine(ExampleFolder, "example-report-page1.png");

    /// <summary>The example as the library renders it now; the source file is named as from the repository root.</summary>
    internal static string Render()
    {
        using var stream = File.OpenRead(TestPaths.Sample(Sample));
        var read = new PanelReader().Read(stream, "samples/" + Sample);
        read.HasErrors.Should().BeFalse();
        var branding = ReportBrandingReader.ReadFile(Path.Combine(TestPaths.Samples, "branding", "branding.yaml"));
        branding.Diagnostics.Should().BeEmpty();
        var interpretations = read.Value!.Select(panel => Interpreter.Default.Interpret(panel)).ToList();
        return HtmlReport.Render(interpretations, read.Diagnostics, new ReportOptions { Branding = branding.Value });
    }

    [Test]
    public void Example_report_in_samples_is_what_the_library_renders_today()
    {
        var html = Render();
        if (Updating)
        {
            Directory.CreateDirectory(ExampleFolder);
            File.WriteAllText(ExampleHtml, html);
        }

        File.Exists(ExampleHtml).Should().BeTrue("the README shows samples/report/example-report.html (run with HTMA_UPDATE_EXAMPLE=1 once)");
        File.ReadAllText(ExampleHtml).Should().Be(html,
            "the example report must show today's report; run the tests with HTMA_UPDATE_EXAMPLE=1 and look at the diff and the PNG");
        html.Should().Contain("class=\"brand-letterhead\"").And.Contain("<section class=\"summary");
    }

    [Test]
    public void Example_report_picture_is_a_png_of_an_A4_page()
    {
        File.Exists(ExamplePng).Should().BeTrue("the README shows samples/report/example-report-page1.png (run with HTMA_UPDATE_EXAMPLE=1 once)");
        var (width, height) = PngSize(File.ReadAllBytes(ExamplePng));
        ((double)width / height).Should().BeApproximately(210.0 / 297.0, 0.01, "it is one A4 page, portrait");
        width.Should().BeGreaterThanOrEqualTo(600, "readable in the README");
    }

    [Test]
    [Category("Browser")]
    [NonParallelizable]
    public void Example_report_first_page_printed_by_chromium_carries_the_letterhead_summary_and_page_header()
    {
        var chromium = HeadlessBrowser.RequireChromium();
        var pdftotext = HeadlessBrowser.RequireTool("pdftotext");
        var pdftoppm = HeadlessBrowser.RequireTool("pdftoppm");
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "example-report");
        Directory.CreateDirectory(folder);
        var htmlPath = Path.Combine(folder, "example-report.html");
        var pdfPath = Path.Combine(folder, "example-report.pdf");
        File.WriteAllText(htmlPath, Render());

        HeadlessBrowser.PrintToPdf(chromium, htmlPath, pdfPath);
        var firstPage = HeadlessBrowser.Run(pdftotext, "-f", "1", "-l", "1", "-layout", pdfPath, "-");
        firstPage.Should().Contain("Riverside Nutrition Practice").And.Contain("Summary").And.Contain("page 1 of");
        HeadlessBrowser.Run(pdftoppm, "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.Combine(folder, "page1"));
        var png = Path.Combine(folder, "page1.png");
        TestContext.AddTestAttachment(png, "The example report's first printed page");
        if (Updating)
        {
            File.Copy(png, ExamplePng, overwrite: true);
        }
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file starts with its signature");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
