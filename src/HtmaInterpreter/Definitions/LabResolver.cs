using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Definitions;

/// <summary>Chooses the lab profile for a panel: the caller's override by id, else the panel's lab by id, name or alias, else the default.</summary>
internal static class LabResolver
{
    /// <summary>Normalises a lab name for matching: trimmed, typographic apostrophes made plain (comparison ignores case).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The normalised name.</returns>
    public static string Normalize(string name) => name.Trim().Replace('\u2019', '\'').Replace('\u2018', '\'');

    /// <summary>Resolves the profile.</summary>
    /// <param name="definitions">The definitions.</param>
    /// <param name="panel">The panel.</param>
    /// <param name="labId">The caller's override, or <c>null</c>.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <returns>The profile; never <c>null</c>.</returns>
    public static LabProfile Resolve(HtmaDefinitions definitions, Panel panel, string? labId, ICollection<Diagnostic> diagnostics)
        => Resolve(definitions, panel.Lab, panel.Source, labId, diagnostics);

    /// <summary>Finds the profile for a panel's lab text (see the overload that takes the panel).</summary>
    /// <param name="definitions">The definitions holding the profiles.</param>
    /// <param name="panelLab">The lab the panel names, or <c>null</c>.</param>
    /// <param name="panelSource">Where the panel starts, for diagnostics.</param>
    /// <param name="labId">A profile id that overrides the panel's lab, or <c>null</c>.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <returns>The profile.</returns>
    public static LabProfile Resolve(HtmaDefinitions definitions, string? panelLab, SourceLocation? panelSource, string? labId, ICollection<Diagnostic> diagnostics)
    {
        SourceLocation Location() => (panelSource ?? SourceLocation.None).WithField("lab");
        if (!string.IsNullOrWhiteSpace(labId))
        {
            if (definitions.FindLab(labId.Trim()) is { } chosen)
            {
                return chosen;
            }

            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.LabOverrideUnknown,
                $"There is no lab profile '{labId}'; known profiles: {string.Join(", ", definitions.Labs.Select(l => l.Id))}. The panel's own lab is used instead.",
                Location()));
        }

        if (string.IsNullOrWhiteSpace(panelLab))
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.LabNotNamed,
                $"The panel does not say which lab produced it; the default profile '{definitions.DefaultLab.Id}' ({definitions.DefaultLab.Name}) is used.",
                Location()));
            return definitions.DefaultLab;
        }

        var wanted = Normalize(panelLab);
        foreach (var lab in definitions.Labs)
        {
            if (Names(lab.Id, wanted) || Names(lab.Name, wanted))
            {
                return lab;
            }

            var aliases = lab.Aliases;
            for (var i = 0; i < aliases.Count; i++)
            {
                if (Names(aliases[i], wanted))
                {
                    return lab;
                }
            }
        }

        diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.LabUnknown,
            $"The lab '{panelLab}' has no profile; the default profile '{definitions.DefaultLab.Id}' ({definitions.DefaultLab.Name}) is used. Known profiles: {string.Join(", ", definitions.Labs.Select(l => l.Id))}.",
            Location()));
        return definitions.DefaultLab;
    }

    private static bool Names(string name, string wanted) => string.Equals(Normalize(name), wanted, StringComparison.OrdinalIgnoreCase);
}
