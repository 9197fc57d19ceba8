namespace HtmaInterpreter;

/// <summary>Options for <see cref="Interpreter.Create"/>.</summary>
public sealed record InterpreterOptions
{
    /// <summary>
    /// A folder laid out like the repository's <c>ratios/</c> (<c>ratios.yaml</c>, <c>oxidation.yaml</c>, <c>labs/</c>, <c>rules/</c>)
    /// to use instead of the definitions embedded in the library; <c>null</c> for the embedded defaults.
    /// </summary>
    public string? DefinitionsDirectory { get; init; }

    /// <summary>A lab profile id (e.g. <c>tei</c>) that overrides the lab named on each panel; <c>null</c> to use the panel's lab.</summary>
    public string? LabId { get; init; }

    /// <summary>An oxidation model id (e.g. <c>ca-k-na-k</c>); <c>null</c> for the default model.</summary>
    public string? ModelId { get; init; }
}
