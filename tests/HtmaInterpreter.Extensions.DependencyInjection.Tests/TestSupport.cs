using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HtmaInterpreter.Extensions.DependencyInjection.Tests;

/// <summary>Paths of the repository's folders, found from the test binaries.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding HtmaInterpreter.sln.</summary>
    public static string RepositoryRoot() => HtmaInterpreter.Testing.RepositoryPaths.Root();

    public static string Samples => Path.Combine(RepositoryRoot(), "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>A fresh copy of the repository's ratios/ folder (definitions and rules) in a temporary folder.</summary>
    public static string CopyOfDefinitions()
    {
        var target = Directory.CreateTempSubdirectory("htma-di-defs-").FullName;
        var source = Path.Combine(RepositoryRoot(), "ratios");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}

/// <summary>One captured log call: everything a logging provider could write out.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, string? Exception)
{
    /// <summary>Every text of the entry a sink could store: the message, each state value, the event name and the exception.</summary>
    public string AllText()
    {
        var text = new StringBuilder().Append(Category).Append(' ').Append(EventId.Name).Append(' ').Append(Message);
        foreach (var pair in State)
        {
            text.Append(' ').Append(pair.Key).Append('=').Append(pair.Value);
        }

        return text.Append(' ').Append(Exception).ToString();
    }
}

/// <summary>A logging provider that keeps every entry (all levels, scopes included as entries of their own).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new LogEntry(category, LogLevel.None, default, "scope: " + state, Pairs(state), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), Pairs(state), exception?.ToString()));

        private static IReadOnlyList<KeyValuePair<string, object?>> Pairs<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
    }
}

/// <summary>Builds real generic hosts (<see cref="Host.CreateApplicationBuilder()"/>) configured from JSON.</summary>
internal static class TestHosts
{
    /// <summary>A host whose configuration is <paramref name="json"/> (read as a JSON stream) and whose logs go to <paramref name="logs"/>.</summary>
    public static IHost Build(string json, CapturingLoggerProvider logs, bool withHealthCheck = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddHtmaInterpreter(builder.Configuration.GetSection(HtmaOptions.SectionName));
        if (withHealthCheck)
        {
            builder.Services.AddHealthChecks().AddHtmaRuleSetCheck();
        }

        return builder.Build();
    }

    /// <summary>The JSON of an <c>Htma</c> section with these settings (<c>null</c> ones left out).</summary>
    public static string Config(string? definitionsDirectory = null, string? labId = null, string? modelId = null)
    {
        var settings = new Dictionary<string, string>();
        if (definitionsDirectory is not null)
        {
            settings["DefinitionsDirectory"] = definitionsDirectory;
        }

        if (labId is not null)
        {
            settings["LabId"] = labId;
        }

        if (modelId is not null)
        {
            settings["ModelId"] = modelId;
        }

        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["Htma"] = settings });
    }
}
