using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Readers;

internal static class ReaderTestSupport
{
    public static PanelReader Reader { get; } = new();

    public static ParseResult<IReadOnlyList<Panel>> Read(string text, string fileName) => Reader.ReadText(text, fileName);

    public static Panel Single(ParseResult<IReadOnlyList<Panel>> result)
    {
        result.Value.Should().NotBeNull();
        result.Value!.Should().HaveCount(1);
        return result.Value![0];
    }

    public static Diagnostic SingleWithCode(ParseResult<IReadOnlyList<Panel>> result, string code)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        matching.Should().HaveCount(1, $"one {code} diagnostic expected; got: {string.Join(" | ", result.Diagnostics)}");
        return matching[0];
    }

    public static string RepositoryRoot() => TestPaths.RepositoryRoot();
}
