using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>What every reader of YamlDotNet's representation model asks of a node, answered once.</summary>
internal static class YamlNodes
{
    /// <summary>Whether a node is YAML's null (see <see cref="IsNull(ScalarStyle, string?)"/>).</summary>
    /// <param name="node">The node.</param>
    /// <returns><c>true</c> for a null.</returns>
    public static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && IsNull(scalar.Style, scalar.Value);

    /// <summary>
    /// Whether a scalar is YAML's null, as the YAML 1.2 core schema reads it: unquoted and empty, <c>~</c>, <c>null</c>,
    /// <c>Null</c> or <c>NULL</c>. Every reader (panels, definitions, rules, client context, branding) asks this.
    /// </summary>
    /// <param name="style">How the scalar was written (a quoted <c>"null"</c> is text).</param>
    /// <param name="value">Its text.</param>
    /// <returns><c>true</c> for a null.</returns>
    public static bool IsNull(ScalarStyle style, string? value) =>
        style == ScalarStyle.Plain && value is null or "" or "~" or "null" or "Null" or "NULL";
}
