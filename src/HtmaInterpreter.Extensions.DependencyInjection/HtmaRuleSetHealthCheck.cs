using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// Healthy when the <see cref="Interpreter"/> singleton, and so the configured definitions and rule set, is loaded
/// (data: rule-set name, version and rule count, the numbers of lab profiles and models, the library version);
/// unhealthy, with the diagnostic codes, when the options or the definitions are broken. Never any patient data.
/// </summary>
internal sealed class HtmaRuleSetHealthCheck(IServiceProvider services, InterpreterSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interpreter interpreter;
        try
        {
            interpreter = services.GetRequiredService<Interpreter>();
        }
        catch (OptionsValidationException exception)
        {
            var codes = source.Current is { } failed ? Log.ErrorCodes(failed.Diagnostics) : string.Empty;
            var problems = exception.Failures.Count();
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus,
                $"The HTMA options or definitions are invalid ({problems} problems); the rule set is not loaded.",
                data: new Dictionary<string, object> { ["errors"] = codes, ["problems"] = problems }));
        }

        return Task.FromResult(HealthCheckResult.Healthy(
            $"Rule set {interpreter.Rules.Name} {interpreter.Rules.Version} loaded ({interpreter.Rules.RuleIds.Count} rules).",
            new Dictionary<string, object>
            {
                ["ruleSet"] = interpreter.Rules.Name,
                ["ruleSetVersion"] = interpreter.Rules.Version,
                ["rules"] = interpreter.Rules.RuleIds.Count,
                ["labProfiles"] = interpreter.Definitions.Labs.Count,
                ["models"] = interpreter.Definitions.ModelIds.Count,
                ["libraryVersion"] = Interpreter.LibraryVersion,
            }));
    }
}
