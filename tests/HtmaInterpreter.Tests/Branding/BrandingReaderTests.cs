using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Branding;

/// <summary><see cref="ReportBrandingReader"/>: the YAML keys, and every problem as a located HTMA09xx diagnostic.</summary>
public class BrandingReaderTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("htma-branding-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void Sample_branding_file_reads_without_diagnostics()
    {
        var read = ReportBrandingReader.ReadFile(Path.Combine(TestPaths.Samples, "branding", "branding.yaml"));

        read.Diagnostics.Should().BeEmpty();
        var branding = read.Value!;
        branding.PracticeName.Should().Be("Riverside Nutrition Practice");
        branding.Address.Should().Equal("12 Mill Lane", "Riverside RS1 4AB", "01234 567890 · info@riverside-nutrition.example");
        branding.Logo!.MediaType.Should().Be("image/png");
        branding.Footer.Should().StartWith("Riverside Nutrition Practice");
        branding.ExtraCss.Should().Contain("--accent");
    }

    [Test]
    public void Logo_path_is_relative_to_the_file_and_address_may_be_a_multi_line_text()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "img"));
        WriteBytes(Path.Combine("img", "logo.jpg"), BrandingRenderTests.Jpeg);
        var path = Write("b.yaml", "practice: P\naddress: |\n  1 Road\n\n  Town\nlogo: img/logo.jpg\n");

        var read = ReportBrandingReader.ReadFile(path);

        read.Diagnostics.Should().BeEmpty();
        read.Value!.Address.Should().Equal("1 Road", "Town");
        read.Value.Logo!.Bytes.Should().Equal(BrandingRenderTests.Jpeg);
    }

    [Test]
    public void Svg_logo_is_an_error_at_the_logo_value_and_left_out()
    {
        WriteBytes("logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());
        var path = Write("b.yaml", "practice: P\nlogo:   logo.png\n");

        var read = ReportBrandingReader.ReadFile(path);

        var error = read.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Severity, error.Location.File, error.Location.Line, error.Location.Column).Should()
            .Be((DiagnosticCodes.LogoNotPngOrJpeg, DiagnosticSeverity.Error, path, 2, 9));
        error.Message.Should().Contain("SVG");
        read.Value!.Logo.Should().BeNull("the name says .png but the bytes are SVG");
        read.Value.PracticeName.Should().Be("P");
    }

    [Test]
    public void Missing_logo_and_oversized_logo_are_located_errors()
    {
        var big = new byte[InputLimits.MaxLogoBytes + 10];
        BrandingRenderTests.Png.CopyTo(big, 0);
        WriteBytes("big.png", big);

        var missing = ReportBrandingReader.ReadFile(Write("a.yaml", "logo: nowhere.png\n"));
        var oversized = ReportBrandingReader.ReadFile(Write("b.yaml", "# big\nlogo: big.png\n"));

        missing.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.LogoUnreadable && d.Location.Line == 1 && d.Location.Column == 7 && d.Message.Contains("does not exist"));
        var tooLarge = oversized.Diagnostics.Should().ContainSingle().Subject;
        (tooLarge.Code, tooLarge.Location.Line, tooLarge.Location.Column).Should().Be((DiagnosticCodes.LogoTooLarge, 2, 7));
        tooLarge.Message.Should().Contain("262,145 bytes", "the reader stops one byte past the limit");
    }

    [Test]
    public void Unsafe_css_is_an_error_at_the_css_value_with_the_line_of_the_css()
    {
        var path = Write("b.yaml", "practice: P\ncss: |\n  h1 { color: red; }\n  </style><script>x</script>\n");

        var read = ReportBrandingReader.ReadFile(path);

        var error = read.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Location.Line, error.Location.Column, error.Location.Field).Should().Be((DiagnosticCodes.BrandingCssUnsafe, 2, 6, "css"));
        error.Message.Should().Contain("line 2 of the CSS");
        read.Value!.ExtraCss.Should().BeNull();
    }

    [Test]
    public void Unknown_key_is_a_located_warning_and_ignored()
    {
        var read = ReportBrandingReader.Parse("practice: P\nfooter: F\n  \nlogo_url: https://example.com/logo.png\n", "b.yaml");

        var warning = read.Diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Severity, warning.Location.Line, warning.Location.Column).Should()
            .Be((DiagnosticCodes.UnknownBrandingKey, DiagnosticSeverity.Warning, 4, 1));
        warning.Message.Should().Contain("'logo_url'").And.Contain("practice, address, logo, footer, css");
        read.Success.Should().BeTrue();
        read.Value!.Footer.Should().Be("F");
    }

    [TestCase("practice: [a, b]\n", 1, 11, "Expected text for 'practice', found a list. It is left out.")]
    [TestCase("footer: F\naddress: { street: x }\n", 2, 10, "Expected text or a list of texts for 'address', found a mapping. It is left out.")]
    [TestCase("footer: F\naddress: [Main St 1, { street: x }]\n", 2, 22, "Expected text for each entry of 'address', found a mapping. It is left out.")]
    [TestCase("- practice\n", 1, 1, "Expected a mapping (key: value pairs) for the branding, found a list.")]
    public void Wrong_shape_is_a_located_error(string yaml, int line, int column, string said)
    {
        var read = ReportBrandingReader.Parse(yaml, "b.yaml");

        var error = read.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Location.Line, error.Location.Column).Should().Be((DiagnosticCodes.InvalidBrandingValue, line, column));
        error.Message.Should().Be(said);
    }

    [Test]
    public void Yaml_syntax_error_is_located_and_gives_no_branding()
    {
        var read = ReportBrandingReader.Parse("practice: P\nfooter: \"unclosed\n", "b.yaml");

        read.Value.Should().BeNull();
        var error = read.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Location.File).Should().Be((DiagnosticCodes.BrandingUnreadable, "b.yaml"));
        error.Location.Line.Should().NotBeNull();
        error.Message.Should().Contain("branding file");
    }

    [Test]
    public void Text_past_its_limit_is_located_at_its_value()
    {
        var read = ReportBrandingReader.Parse($"practice: {new string('p', InputLimits.MaxBrandingTextCharacters + 1)}\n", "b.yaml");

        var error = read.Diagnostics.Should().ContainSingle().Subject;
        (error.Code, error.Location.Line, error.Location.Column).Should().Be((DiagnosticCodes.BrandingTextTooLong, 1, 11));
        read.Value!.PracticeName.Should().BeNull();
    }

    [Test]
    public void Empty_file_is_an_empty_branding_and_an_unreadable_file_an_error()
    {
        ReportBrandingReader.Parse("", "b.yaml").Value!.IsEmpty.Should().BeTrue();
        var missing = ReportBrandingReader.ReadFile(Path.Combine(_folder, "none.yaml"));
        missing.Value.Should().BeNull();
        missing.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.BrandingUnreadable);
    }
}
