using HtmaInterpreter.Definitions;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>The lab profile and oxidation model ids the help lists and completes, read from the embedded definitions (loaded once and shared with <see cref="Interpreter.Default"/>).</summary>
internal static class DefinitionIds
{
    private static HtmaDefinitions Embedded => HtmaDefinitions.LoadDefault().GetValueOrThrow();

    /// <summary>The lab profile ids, in the definitions' order.</summary>
    internal static IEnumerable<string> LabIds => Embedded.Labs.Select(l => l.Id);

    /// <summary>The oxidation model ids, in the definitions' order.</summary>
    internal static IEnumerable<string> ModelIds => Embedded.ModelIds;

    /// <summary>The lab profile ids, in the definitions' order, e.g. <c>arl, doctors-data, tei</c>.</summary>
    internal static string Labs => string.Join(", ", LabIds);

    /// <summary>The oxidation model ids, in the definitions' order, and which one is the default: <c>(eck-wilson, ...); default eck-wilson</c>.</summary>
    internal static string Models => $"({string.Join(", ", Embedded.ModelIds)}); default {Embedded.DefaultModelId}";
}
