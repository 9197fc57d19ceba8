using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Rules;

/// <summary>One row of a band table: <c>from</c> inclusive, <c>below</c> exclusive (open when null), and the label.</summary>
internal sealed record BandRow(double From, double? Below, string Label, string Text);

/// <summary>A <c>bands:</c> entry: a lookup table shown as evidence when the rule fires (e.g. the calcium-shell multiple).</summary>
internal sealed class BandDefinition
{
    public required string Label { get; init; }

    public required YamlScalarNode OfNode { get; init; }

    public YamlScalarNode? When { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<BandRow> Rows { get; init; }

    public bool RowsHaveUnit { get; init; }
}

/// <summary>A rule as read from YAML, before its condition is parsed.</summary>
internal sealed class RuleDefinition
{
    public required string Id { get; init; }

    public required YamlNode IdNode { get; init; }

    public required SourceText File { get; init; }

    public required string RelativeFile { get; init; }

    public required int Order { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required RuleSeverity Severity { get; init; }

    public required YamlScalarNode When { get; init; }

    public required string Explanation { get; init; }

    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public IReadOnlyList<YamlScalarNode> EvidenceNames { get; init; } = [];

    public required string Source { get; init; }

    public IReadOnlyList<string> ThresholdSources { get; init; } = [];

    public IReadOnlyList<int> Claims { get; init; } = [];

    public IReadOnlyList<YamlScalarNode>? ForEach { get; init; }

    public IReadOnlyList<BandDefinition> Bands { get; init; } = [];

    public RuleScope Scope { get; init; }
}
