using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>What every reader of YamlDotNet's representation model asks of a node, answered once.</summary>
internal static class YamlNodes
{
    /// <summary>Whether a node is YAML's null: an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
    /// <param name="node">The node.</param>
    /// <returns><c>true</c> for a null.</returns>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>The text of a mapping key; an empty text for a key that is not a scalar.</summary>
    /// <param name="node">The key node.</param>
    /// <returns>The key.</returns>
    public static string KeyText(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : "";
}
