using System.Text.Encodings.Web;
using System.Text.Json;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>What every JSON report writes alike: the writer options, and nulls instead of absent or non-finite values.</summary>
internal static class JsonWriting
{
    /// <summary>Indented, and µ, → and – kept readable; the output is never embedded in HTML.</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes the number, or null when it is absent, NaN or infinite (JSON has neither).</summary>
    public static void WriteFiniteOrNull(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>The members of a rule that could not be evaluated, the same in every JSON report: id, subject, missing inputs.</summary>
    public static void WriteUnevaluatedMembers(Utf8JsonWriter writer, UnevaluatedRule rule)
    {
        writer.WriteString("id", rule.RuleId);
        WriteOptional(writer, "subject", rule.Subject);
        WriteStrings(writer, "missing", rule.MissingInputs);
    }
}
