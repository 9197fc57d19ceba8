using System.Collections.Frozen;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>
/// What the practitioner knows about the client beyond the panel: sex, age, symptoms, medical conditions, lifestyle
/// and diet. Every list is <c>null</c> when it was not stated, which differs from an empty list (stated: none):
/// a rule that asks about an unstated list is reported as not evaluated instead of silently not firing.
/// Values are the snake_case words of <see cref="Vocabulary"/>.
/// </summary>
public sealed record ClientContext
{
    /// <summary>The vocabulary: each list key (<c>symptoms</c>, <c>conditions</c>, <c>lifestyle</c>, <c>diet</c>) and the values it accepts.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Vocabulary { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["symptoms"] = ["leg_cramps", "muscle_cramps", "restless_legs", "night_cramps", "exercise_cramps", "cramps_after_meals"],
            ["conditions"] = ["diabetes", "arteriosclerosis", "pregnancy"],
            ["lifestyle"] = ["sedentary", "long_sitting", "long_standing"],
            ["diet"] = ["much_sugar", "phosphoric_acid_soft_drinks"],
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A context that states nothing.</summary>
    public static ClientContext Empty { get; } = new();

    /// <summary>The client's sex; when <see cref="Sex.Unknown"/> the panel's sex is used.</summary>
    public Sex Sex { get; init; }

    /// <summary>The client's age in whole years; when <c>null</c> the panel's age is used.</summary>
    public int? AgeYears { get; init; }

    /// <summary>Symptoms (e.g. <c>leg_cramps</c>, <c>exercise_cramps</c>), or <c>null</c> when not stated.</summary>
    public IReadOnlySet<string>? Symptoms { get; init; }

    /// <summary>Medical conditions (<c>diabetes</c>, <c>arteriosclerosis</c>, <c>pregnancy</c>), or <c>null</c> when not stated.</summary>
    public IReadOnlySet<string>? Conditions { get; init; }

    /// <summary>Lifestyle (<c>sedentary</c>, <c>long_sitting</c>, <c>long_standing</c>), or <c>null</c> when not stated.</summary>
    public IReadOnlySet<string>? Lifestyle { get; init; }

    /// <summary>Diet (<c>much_sugar</c>, <c>phosphoric_acid_soft_drinks</c>), or <c>null</c> when not stated.</summary>
    public IReadOnlySet<string>? Diet { get; init; }

    /// <summary>The values stated for a list key of <see cref="Vocabulary"/>, or <c>null</c> when not stated.</summary>
    /// <param name="key">A list key: <c>symptoms</c>, <c>conditions</c>, <c>lifestyle</c> or <c>diet</c>.</param>
    /// <returns>The set, or <c>null</c>.</returns>
    public IReadOnlySet<string>? ValuesOf(string key) => key switch
    {
        "symptoms" => Symptoms,
        "conditions" => Conditions,
        "lifestyle" => Lifestyle,
        "diet" => Diet,
        _ => null,
    };

    internal static readonly FrozenDictionary<string, string> KeyAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["symptoms"] = "symptoms",
        ["symptom"] = "symptoms",
        ["conditions"] = "conditions",
        ["condition"] = "conditions",
        ["lifestyle"] = "lifestyle",
        ["diet"] = "diet",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Which list key a vocabulary value belongs to (e.g. <c>pregnancy</c> → <c>conditions</c>).</summary>
    internal static readonly FrozenDictionary<string, string> ListOfValue =
        Vocabulary.SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(value, pair.Key)))
            .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Normalises a word as people type it: <c>Leg cramps</c>, <c>leg-cramps</c> → <c>leg_cramps</c>.</summary>
    internal static string NormaliseWord(string text) =>
        text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
