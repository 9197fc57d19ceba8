using HtmaInterpreter.Diagnostics;
using Microsoft.Extensions.Options;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="HtmaOptions"/> (run on start by <c>ValidateOnStart</c>, and whenever the options are first
/// read): blank values and a missing folder, then the definitions themselves, by creating the interpreter; each
/// error diagnostic becomes one failure with its code, file, line and column (definitions, never patient data).
/// </summary>
internal sealed class HtmaOptionsValidator(InterpreterSource source) : IValidateOptions<HtmaOptions>
{
    public ValidateOptionsResult Validate(string? name, HtmaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Blank(options.LabId, nameof(HtmaOptions.LabId), "the lab named on each panel", failures);
        Blank(options.ModelId, nameof(HtmaOptions.ModelId), "the default model", failures);
        Blank(options.DefinitionsDirectory, nameof(HtmaOptions.DefinitionsDirectory), "the embedded definitions", failures);
        if (!string.IsNullOrWhiteSpace(options.DefinitionsDirectory) && !Directory.Exists(options.DefinitionsDirectory.Trim()))
        {
            failures.Add($"Htma:{nameof(HtmaOptions.DefinitionsDirectory)}: the folder '{options.DefinitionsDirectory.Trim()}' does not exist.");
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        var created = source.Get(options.ToInterpreterOptions());
        var errors = created.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        if (errors.Count == 0 && created.Value is null)
        {
            errors.Add("The interpreter could not be created.");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private static void Blank(string? value, string key, string instead, List<string> failures)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Htma:{key} is blank; leave it out for {instead}.");
        }
    }
}
