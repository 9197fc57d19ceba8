using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

/// <summary>The rules' precomputed levels must grade every amount exactly as the lab profile does, at the bounds too.</summary>
public class ProfileLevelsTests
{
    private static IEnumerable<decimal> AmountsAround(decimal bound)
    {
        yield return bound;
        foreach (var step in new[] { 1e-27m, 1e-20m, 1e-15m, 1e-12m, 1e-9m, 1e-6m, 1e-3m })
        {
            yield return bound + step;
            if (bound - step >= 0)
            {
                yield return bound - step;
            }
        }

        yield return bound * 1.000000001m;
        yield return bound * 0.999999999m;
        yield return bound * 2;
        yield return bound / 2;
    }

    [Test]
    public void Grade_every_amount_as_the_lab_profile_does_including_at_and_next_to_each_bound()
    {
        var definitions = Interpreter.Default.Definitions;
        var symbols = ElementCatalog.Default.All.Select(e => e.Symbol).ToArray();
        var compared = 0;
        foreach (var lab in definitions.Labs)
        {
            var levels = new ProfileLevels(lab, symbols);
            for (var i = 0; i < symbols.Length; i++)
            {
                var bounds = new List<decimal> { 0m, 1m, 1e-10m, 1e10m };
                if (lab.ToxicLimits.TryGetValue(symbols[i], out var limit))
                {
                    bounds.Add(limit.MilligramPercent);
                }

                if (lab.ReferenceRanges.TryGetValue(symbols[i], out var range))
                {
                    var canonical = range.To(ConcentrationUnit.MilligramPercent);
                    bounds.AddRange(new[] { canonical.Low, canonical.High }.OfType<decimal>());
                }

                if (lab.ElementIdeals.TryGetValue(symbols[i], out var ideal))
                {
                    bounds.Add(ideal.MilligramPercent);
                }

                foreach (var amount in bounds.SelectMany(AmountsAround))
                {
                    var expected = lab.LevelOf(symbols[i], amount);
                    levels.LevelOf(i, amount).Should().Be(expected, $"{symbols[i]} at {amount} mg% in {lab.Id}");
                    levels.LevelOf(i, amount, (double)amount).Should().Be(expected, $"{symbols[i]} at {amount} mg% in {lab.Id}, doubles first");
                    compared++;
                }
            }
        }

        compared.Should().BeGreaterThan(1000);
    }
}
