using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Tests.Reports;

namespace HtmaInterpreter.Tests.Branding;

/// <summary>A <see cref="ReportBranding"/> in the HTML report, and the checks that leave out a part that is unsafe or too large.</summary>
public partial class BrandingRenderTests
{
    /// <summary>The smallest valid PNG signature followed by some bytes; the type is told from the first eight bytes.</summary>
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46];

    private static string Render(ReportBranding branding) =>
        HtmlReport.Render(ReportSamples.One("slow-oxidizer.csv"), options: new ReportOptions { Branding = branding });

    private static ReportBranding Full => new()
    {
        PracticeName = "Riverside <Nutrition> & Co",
        Address = ["12 Mill Lane", "Riverside \"RS1\""],
        Logo = new ReportLogo(Png),
        Footer = "Riverside \"practice\" \\ </style> line",
        ExtraCss = ":root { --accent: #1d5c63; } .brand-name { background: url(data:image/png;base64,iVBORw0KGgo=); }",
    };

    [Test]
    public void Html_has_the_letterhead_logo_footer_and_extra_css_and_nothing_that_loads()
    {
        var html = Render(Full);

        html.Should().Contain("<p class=\"brand-name\">Riverside &lt;Nutrition&gt; &amp; Co</p>");
        html.Should().Contain("<p class=\"brand-address\">12 Mill Lane<br>Riverside &quot;RS1&quot;</p>");
        html.Should().Contain("src=\"data:image/png;base64," + Convert.ToBase64String(Png) + "\"");
        html.Should().Contain("@page { @bottom-left { content: \"Riverside \\22 practice\\22  \\5C  \\3C /style\\3E  line\";");
        html.Should().Contain(":root { --accent: #1d5c63; }");
        Regex.Count(html, "</style>").Should().Be(Regex.Count(html, "<style>"), "the footer cannot end the style element");
        Regex.Count(html, "<style>").Should().Be(2, "the head style and the panel's page style");
        html.Should().NotContain("<script");
        Loads().Matches(html).Select(m => m.Value).Should().BeEmpty("the report requests nothing from elsewhere");
        html.IndexOf("class=\"brand-letterhead\"", StringComparison.Ordinal).Should().BeGreaterThan(html.IndexOf("<article", StringComparison.Ordinal), "inside the panel, so it prints on the panel's first page")
            .And.BeLessThan(html.IndexOf("<header class=\"report-header\"", StringComparison.Ordinal), "above the report header");
    }

    [Test]
    public void Html_without_branding_has_no_letterhead()
    {
        var html = HtmlReport.Render(ReportSamples.One("slow-oxidizer.csv"));

        html.Should().NotContain("brand-").And.NotContain("@bottom-left");
        HtmlReport.Render(ReportSamples.One("slow-oxidizer.csv"), options: new ReportOptions { Branding = new ReportBranding() }).Should().Be(html);
    }

    [Test]
    public void Jpeg_logo_is_embedded_as_image_jpeg()
    {
        new ReportLogo(Jpeg).MediaType.Should().Be("image/jpeg");
        Render(new ReportBranding { Logo = new ReportLogo(Jpeg) }).Should().Contain("src=\"data:image/jpeg;base64,");
    }

    [TestCase("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "SVG")]
    [TestCase("\uFEFF  <?xml version=\"1.0\"?><svg/>", "SVG")]
    [TestCase("GIF89a", "not a PNG or JPEG")]
    public void Logo_that_is_not_png_or_jpeg_is_left_out(string content, string said)
    {
        var branding = new ReportBranding { PracticeName = "P", Logo = new ReportLogo(System.Text.Encoding.UTF8.GetBytes(content)) };

        var html = Render(branding);

        html.Should().NotContain("<img").And.NotContain("<svg xmlns=\"http://www.w3.org/2000/svg\"><script");
        html.Should().Contain("<p class=\"brand-name\">P</p>", "the rest of the branding is kept");
        var error = branding.Validate().Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.LogoNotPngOrJpeg);
        error.Location.Field.Should().Be("logo");
        error.Message.Should().Contain(said);
    }

    [Test]
    public void Logo_at_the_limit_is_shown_and_one_byte_more_is_left_out()
    {
        var atLimit = new byte[InputLimits.MaxLogoBytes];
        Png.CopyTo(atLimit, 0);
        var pastLimit = new byte[InputLimits.MaxLogoBytes + 1];
        Png.CopyTo(pastLimit, 0);

        new ReportBranding { Logo = new ReportLogo(atLimit) }.Validate().Should().BeEmpty();
        Render(new ReportBranding { Logo = new ReportLogo(atLimit) }).Should().Contain("<img class=\"brand-logo\"");
        var error = new ReportBranding { Logo = new ReportLogo(pastLimit) }.Validate().Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.LogoTooLarge);
        error.Message.Should().Contain("262,145 bytes").And.Contain("262,144");
        Render(new ReportBranding { Logo = new ReportLogo(pastLimit) }).Should().NotContain("<img");
    }

    [TestCase("@import 'https://example.com/x.css';")]
    [TestCase("@IMPORT url(x.css);")]
    [TestCase("@im\\70 ort \"x.css\";")]
    [TestCase("body { background: url(https://example.com/track.png); }")]
    [TestCase("body { background: url( 'http://example.com/a.png' ); }")]
    [TestCase("body { background: URL(//example.com/a.png); }")]
    [TestCase("body { background: u\\72l(x.png); }")]
    [TestCase("body { background: -webkit-image-set(\"a.png\" 1x); }")]
    [TestCase("body { background: image-set('https://example.com/a.png' 1x, url(data:image/png;base64,AA==) 2x); }")]
    [TestCase("@font-face { font-family: X; src: url(https://example.com/x.woff2); }")]
    [TestCase("body { background: src(\"x.png\"); }")]
    [TestCase("body { --u: 'x.png'; background: image-set(var(--u) 1x); }")]
    [TestCase("body { content: \"/*\"; background: url(http://example.com/a.png); } /* */")]
    [TestCase("</style><script>alert(1)</script>")]
    [TestCase("body { content: '\\3C /style>' }")]
    [TestCase("body { behavior: url(x.htc); }")]
    public void Css_that_loads_or_escapes_the_style_element_is_left_out(string css)
    {
        var branding = new ReportBranding { ExtraCss = css };

        var error = branding.Validate().Should().ContainSingle().Subject;

        error.Code.Should().Be(DiagnosticCodes.BrandingCssUnsafe);
        error.Location.Field.Should().Be("css");
        var html = Render(branding);
        html.Should().NotContain(css).And.NotContain("practice CSS").And.NotContain("<script");
    }

    [TestCase("body { background: url(data:image/png;base64,iVBORw0KGgo=); }")]
    [TestCase("body { background: url( \"data:image/svg+xml,%3Csvg%3E\" ); }")]
    [TestCase("body { background: image-set(\"data:image/png;base64,AA==\" 1x); }")]
    [TestCase("@font-face { font-family: Brand; src: local(Arial); } h2 { font-family: Brand; color: #123; }")]
    [TestCase(".brand-name::after { content: \"\\2022\"; } /* a url(http://x) in a comment */")]
    public void Css_that_loads_nothing_is_kept(string css)
    {
        new ReportBranding { ExtraCss = css }.Validate().Should().BeEmpty();
        Render(new ReportBranding { ExtraCss = css }).Should().Contain(css);
    }

    [Test]
    public void Css_at_the_limit_is_kept_and_one_character_more_is_left_out()
    {
        var atLimit = "/*" + new string('x', InputLimits.MaxBrandingCssCharacters - 4) + "*/";
        atLimit.Length.Should().Be(InputLimits.MaxBrandingCssCharacters);

        new ReportBranding { ExtraCss = atLimit }.Validate().Should().BeEmpty();
        new ReportBranding { ExtraCss = atLimit + " " }.Validate().Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.BrandingCssTooLong);
        Render(new ReportBranding { ExtraCss = atLimit + " " }).Should().NotContain("xxxx");
    }

    [Test]
    public void Text_and_address_at_their_limits_are_kept_and_past_them_left_out()
    {
        var longest = new string('n', InputLimits.MaxBrandingTextCharacters);
        var lines = Enumerable.Range(1, InputLimits.MaxBrandingAddressLines).Select(i => $"line {i}").ToList();
        var ok = new ReportBranding { PracticeName = longest, Footer = longest, Address = lines };
        var tooMuch = new ReportBranding
        {
            PracticeName = longest + "n",
            Footer = longest + "f",
            Address = [.. lines, "one more"],
        };

        ok.Validate().Should().BeEmpty();
        Render(ok).Should().Contain(longest).And.Contain("line 8");
        tooMuch.Validate().Select(d => (d.Code, d.Location.Field)).Should().Equal(
            (DiagnosticCodes.BrandingTextTooLong, "practice"),
            (DiagnosticCodes.TooManyAddressLines, "address"),
            (DiagnosticCodes.BrandingTextTooLong, "footer"));
        var html = Render(tooMuch);
        html.Should().NotContain(longest).And.NotContain("line 8").And.NotContain("brand-letterhead\"").And.NotContain("@bottom-left");
        new ReportBranding { Address = ["ok", new string('a', InputLimits.MaxBrandingTextCharacters + 1)] }.Validate()
            .Should().ContainSingle().Which.Message.Should().StartWith("Line 2 of the address is 201 characters long");
    }

    [Test]
    public void Hand_built_branding_with_nulls_and_control_characters_renders()
    {
        var branding = new ReportBranding { PracticeName = "A\u001B[31mB", Address = null!, Footer = "x\ny\u2028z" };

        branding.Validate().Should().BeEmpty();
        var html = Render(branding);

        html.Should().Contain("<p class=\"brand-name\">A\\u001B[31mB</p>");
        html.Should().Contain("content: " + HtmlDocument.CssString("x\ny\u2028z") + ";");
        HtmlDocument.CssString("x\ny\u2028z").Should().NotContain("\n").And.NotContain("\u2028");
        Render(new ReportBranding { Address = ["one", null!] }).Should().Contain("<p class=\"brand-address\">one<br></p>");
    }

    [Test]
    public void Branding_goes_through_the_report_renderer_into_html_only()
    {
        var interpretation = ReportSamples.One("slow-oxidizer.csv");
        var options = new ReportOptions { Branding = Full };

        ReportRenderer.Render(interpretation, ReportFormat.Html, options).Should().Contain("brand-letterhead");
        ReportRenderer.Render([interpretation, interpretation], ReportFormat.Html, options).Should().Contain("brand-letterhead");
        ReportRenderer.Render(interpretation, ReportFormat.Markdown, options).Should().NotContain("Riverside");
    }

    /// <summary>An address in an attribute that loads (src, href) or in url(), other than a data: URI.</summary>
    [GeneratedRegex(@"(?:src|href)\s*=\s*[""']?(?!data:|#)[^""'\s>]+|url\(\s*[""']?(?!data:)[^)]*\)|(?:src|href)\s*=\s*[""']?(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex Loads();
}
