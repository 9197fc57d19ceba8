using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Rules;

/// <summary>
/// Reads a <see cref="ClientContext"/> from a YAML or JSON file (same keys: <c>sex</c>, <c>age</c>, <c>symptoms</c>,
/// <c>conditions</c>, <c>lifestyle</c>, <c>diet</c>) or from <c>key=value</c> command-line flags. Unknown keys and values
/// are reported (HTMA06xx) with their location and otherwise ignored; nothing throws on bad input.
/// </summary>
internal static class ClientContextReader
{
    /// <summary>
    /// The sentence that ends a warning about an unknown key or value read from a file: it is left out and the reading
    /// goes on. Where the same problem stops the run (the CLI's <c>--client</c>), the sentence is not true and is dropped.
    /// </summary>
    internal const string IgnoredSentence = " It was ignored.";

    /// <summary>Reads a context file (YAML or JSON).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The context (possibly partial) and diagnostics.</returns>
    public static ParseResult<ClientContext> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentText.ReadAndParse(path, YamlDocumentKind.ClientContext, text => Parse(text, path));
    }

    /// <summary>Parses context text (YAML or JSON; JSON is read as YAML flow style).</summary>
    /// <param name="text">The file content.</param>
    /// <param name="fileName">The file name for diagnostics, or <c>null</c>.</param>
    /// <returns>The context (possibly partial) and diagnostics.</returns>
    public static ParseResult<ClientContext> Parse(string text, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var reader = new YamlReader(new SourceText(text, fileName), YamlDocumentKind.ClientContext, diagnostics);
        var root = reader.Parse(text, out var readable);
        if (root is null)
        {
            return readable ? ParseResult.Ok(ClientContext.Empty) : ParseResult.Failed<ClientContext>(diagnostics);
        }

        // Keys are free here: the builder knows their spellings and aliases, and warns about the others.
        if (reader.Map(root, "client context", (IReadOnlyList<string>?)null) is not { } map)
        {
            return ParseResult.Failed<ClientContext>(diagnostics);
        }

        var builder = new Builder(diagnostics);
        foreach (var (keyNode, valueNode) in map.Entries())
        {
            var key = keyNode.Value!;
            var values = YamlNodes.IsNull(valueNode) ? null : reader.Scalars(valueNode, key, singleAllowed: true);
            if (values is null && !YamlNodes.IsNull(valueNode))
            {
                continue;
            }

            builder.Set(key, values?.Select(v => (v.Value ?? "", reader.At(v, key))).ToList(), reader.At(keyNode, key), isList: valueNode is YamlSequenceNode);
        }

        return new ParseResult<ClientContext>(builder.Build(), diagnostics);
    }

    /// <summary>
    /// Builds a context from <c>key=value</c> flags as given on the command line, e.g. <c>sex=female</c>, <c>age=52</c>,
    /// <c>symptoms=leg_cramps,night_cramps</c>. A key given twice adds to its list. Diagnostics name the flag by position.
    /// </summary>
    /// <param name="keyValues">The flags.</param>
    /// <returns>The context (possibly partial) and diagnostics.</returns>
    public static ParseResult<ClientContext> FromArguments(IEnumerable<string> keyValues)
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        var diagnostics = new List<Diagnostic>();
        var builder = new Builder(diagnostics);
        var position = 0;
        foreach (var flag in keyValues)
        {
            position++;
            var field = string.Create(CultureInfo.InvariantCulture, $"argument {position}");
            var location = new SourceLocation("command line", Field: field);
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidContextValue, "A context flag must look like key=value, e.g. sex=female or symptoms=leg_cramps,night_cramps.", location));
                continue;
            }

            var key = flag[..equals].Trim();
            var values = flag[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => (v, location with { Field = $"{field}: {key}" }))
                .ToList();
            builder.Set(key, values, location with { Field = $"{field}: {key}" }, isList: values.Count != 1, merge: true);
        }

        return new ParseResult<ClientContext>(builder.Build(), diagnostics);
    }

    private sealed class Builder(List<Diagnostic> diagnostics)
    {
        private readonly Dictionary<string, SortedSet<string>> _lists = new(StringComparer.Ordinal);
        private Sex _sex;
        private int? _age;

        public void Set(string rawKey, IReadOnlyList<(string Text, SourceLocation Location)>? values, SourceLocation keyLocation, bool isList, bool merge = false)
        {
            var key = ClientContext.NormaliseWord(rawKey);
            if (key is "sex" or "age")
            {
                if (values is null || values.Count == 0)
                {
                    return;
                }

                if (isList && values.Count > 1)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidContextValue, $"'{key}' takes one value, not a list.", keyLocation));
                    return;
                }

                var (text, location) = values[0];
                if (key == "sex")
                {
                    _sex = FieldRules.ParseSex(ClientContext.NormaliseWord(text)) is var sex and not Sex.Unknown
                        ? sex
                        : Invalid(Sex.Unknown, location, "The sex must be female or male (f/m).");
                }
                else
                {
                    _age = FieldRules.TryParseAge(text.Trim(), out var age)
                        ? age
                        : Invalid<int?>(null, location, "The age must be a whole number of years.");
                }

                return;
            }

            if (!ClientContext.KeyAliases.TryGetValue(key, out var listKey))
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.UnknownContextKey,
                    $"Unknown client-context key '{rawKey}'; the known keys are sex, age, {string.Join(", ", ClientContext.Vocabulary.Keys)}.{IgnoredSentence}",
                    keyLocation));
                return;
            }

            if (!_lists.TryGetValue(listKey, out var set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                _lists[listKey] = set;
            }
            else if (!merge)
            {
                set.Clear();
            }

            var vocabulary = ClientContext.Vocabulary[listKey];
            foreach (var (text, location) in values ?? [])
            {
                var value = ClientContext.NormaliseWord(text);
                if (value.Length == 0 || value is "none")
                {
                    continue;
                }

                if (vocabulary.Contains(value))
                {
                    set.Add(value);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(
                        DiagnosticCodes.UnknownContextValue,
                        $"Unknown {listKey} value '{text}'; the known values are {string.Join(", ", vocabulary)}.{IgnoredSentence}",
                        location));
                }
            }
        }

        public ClientContext Build() => new()
        {
            Sex = _sex,
            AgeYears = _age,
            Symptoms = Get("symptoms"),
            Conditions = Get("conditions"),
            Lifestyle = Get("lifestyle"),
            Diet = Get("diet"),
        };

        private FrozenSet<string>? Get(string key) =>
            _lists.TryGetValue(key, out var set) ? set.ToFrozenSet(StringComparer.Ordinal) : null;

        private T Invalid<T>(T fallback, SourceLocation location, string message)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidContextValue, message, location));
            return fallback;
        }
    }
}
