using HtmaInterpreter.Readers;
using HtmaInterpreter.Retests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>Registers HtmaInterpreter with <see cref="IServiceCollection"/> and its health check with <see cref="IHealthChecksBuilder"/>.</summary>
public static class HtmaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HtmaOptions"/> bound from <paramref name="configuration"/> (e.g. <c>configuration.GetSection("Htma")</c>)
    /// and validated on start, and the services: <see cref="Interpreter"/> (a singleton, created once from the options),
    /// <see cref="PanelReader"/>, <see cref="RetestComparer"/>, <see cref="IHtmaReportRenderer"/> and the logging
    /// <see cref="HtmaInterpretationService"/>. Broken definitions or options make the host's start fail with an
    /// <see cref="OptionsValidationException"/> listing each problem (diagnostic code, file, line and column).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddHtmaInterpreter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HtmaOptions>().Bind(configuration).ValidateOnStart();
        return AddServices(services);
    }

    /// <summary>
    /// Registers <see cref="HtmaOptions"/> set by <paramref name="configure"/> and validated on start, and the same
    /// services as <see cref="AddHtmaInterpreter(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddHtmaInterpreter(this IServiceCollection services, Action<HtmaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<HtmaOptions>().Configure(configure).ValidateOnStart();
        return AddServices(services);
    }

    /// <summary>
    /// Adds a health check (default name <c>htma-rule-set</c>) reporting whether the rule set is loaded, with its name,
    /// version and rule count; call after <c>AddHtmaInterpreter</c>.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported when the rule set is not loaded; <c>null</c> for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddHtmaRuleSetCheck(this IHealthChecksBuilder builder, string name = "htma-rule-set", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new HtmaRuleSetHealthCheck(services, services.GetRequiredService<InterpreterSource>()),
            failureStatus,
            tags));
    }

    private static IServiceCollection AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(services => new InterpreterSource(LoggerFactoryOf(services).CreateLogger<InterpreterSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HtmaOptions>, HtmaOptionsValidator>());
        services.TryAddSingleton(CreateInterpreter);
        services.TryAddSingleton(_ => new PanelReader());
        services.TryAddSingleton(services => new RetestComparer(services.GetRequiredService<Interpreter>()));
        services.TryAddSingleton<IHtmaReportRenderer, HtmaReportRenderer>();
        services.TryAddSingleton(services => new HtmaInterpretationService(
            services.GetRequiredService<Interpreter>(),
            services.GetRequiredService<PanelReader>(),
            services.GetRequiredService<RetestComparer>(),
            LoggerFactoryOf(services).CreateLogger<HtmaInterpretationService>()));
        return services;
    }

    // Reading the options runs the validator, which loads the definitions through the shared source: a broken
    // configuration throws OptionsValidationException here (and at start, with ValidateOnStart) with every problem.
    private static Interpreter CreateInterpreter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<HtmaOptions>>().Value;
        var result = services.GetRequiredService<InterpreterSource>().Get(options.ToInterpreterOptions());
        return result.Value is { } interpreter && !result.HasErrors
            ? interpreter
            : throw new OptionsValidationException(
                Options.DefaultName,
                typeof(HtmaOptions),
                result.Diagnostics.Where(d => d.Severity == HtmaInterpreter.Diagnostics.DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
