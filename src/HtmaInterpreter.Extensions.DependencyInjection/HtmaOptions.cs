namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// The settings <see cref="HtmaServiceCollectionExtensions.AddHtmaInterpreter(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// binds from configuration (e.g. the <c>"Htma"</c> section of <c>appsettings.json</c>); the same as
/// <see cref="InterpreterOptions"/>, with setters because the options pattern binds and configures them in place.
/// They are validated when the host starts; the interpreter is created once from them.
/// </summary>
public sealed class HtmaOptions
{
    /// <summary>The configuration section name the README uses (<c>"Htma"</c>).</summary>
    public const string SectionName = "Htma";

    /// <summary>
    /// A folder laid out like the repository's <c>ratios/</c> (<c>ratios.yaml</c>, <c>oxidation.yaml</c>, <c>labs/</c>,
    /// <c>rules/</c>) to use instead of the embedded definitions; <c>null</c> (left out) for the embedded definitions.
    /// </summary>
    public string? DefinitionsDirectory { get; set; }

    /// <summary>A lab profile id (e.g. <c>tei</c>) that overrides the lab named on each panel; <c>null</c> to use the panel's lab.</summary>
    public string? LabId { get; set; }

    /// <summary>An oxidation model id (e.g. <c>ca-k-na-k</c>); <c>null</c> for the default model.</summary>
    public string? ModelId { get; set; }

    /// <summary>The core library's options with these values (ids and folder trimmed).</summary>
    /// <returns>The options for <see cref="Interpreter.Create"/>.</returns>
    public InterpreterOptions ToInterpreterOptions() => new()
    {
        DefinitionsDirectory = DefinitionsDirectory?.Trim(),
        LabId = LabId?.Trim(),
        ModelId = ModelId?.Trim(),
    };
}
