using HtmaInterpreter.Batch;
using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Tests.Batch;

public class BatchSummaryTests
{
    private static BatchResult Row(OxidationType type, double? caK, params string[] rules) => new()
    {
        Line = 2,
        SampleId = "S",
        Oxidation = type,
        Degree = OxidationDegree.Mild,
        KeyRatios = [caK, 2.5, null, null, null, null],
        FiredRules = rules,
    };

    [Test]
    public void Counts_quartiles_and_rule_frequencies_of_a_small_set()
    {
        var builder = new BatchSummaryBuilder();
        // Ca/K values 1, 2, 4, 8, 10 (one panel without Ca/K): sorted, n = 5, so the quartiles fall on ranks 2 and 4
        // h = (n − 1)p) → q1 = 2, median = 4, q3 = 8.
        builder.Add(Row(OxidationType.Slow, 8, "calcium-shell", "four-lows"));
        builder.Add(Row(OxidationType.Slow, 10, "calcium-shell"));
        builder.Add(Row(OxidationType.Fast, 1, "fast-oxidation-mineral-depletion"));
        builder.Add(Row(OxidationType.Mixed, 4));
        builder.Add(Row(OxidationType.Slow, 2, "four-lows", "calcium-shell"));
        builder.Add(Row(OxidationType.Indeterminate, null));
        builder.Add(new BatchResult { Line = 9, SampleId = "bad", HasErrors = true });
        builder.Add(new BatchResult { Line = 1, HasErrors = false }); // header warnings: not a row

        var summary = builder.Build();

        summary.Rows.Should().Be(7);
        summary.Interpreted.Should().Be(6);
        summary.RowsWithErrors.Should().Be(1);
        summary.FileErrors.Should().Be(0);
        summary.OxidationTypes.Should().Equal(
            new KeyValuePair<OxidationType, int>(OxidationType.Indeterminate, 1),
            new KeyValuePair<OxidationType, int>(OxidationType.Slow, 3),
            new KeyValuePair<OxidationType, int>(OxidationType.Fast, 1),
            new KeyValuePair<OxidationType, int>(OxidationType.Mixed, 1));
        summary.Ratios[0].Should().Be(new RatioStatistics("Ca/K", 5, 1, 2, 4, 8, 10));
        summary.Ratios[1].Should().Be(new RatioStatistics("Na/Mg", 6, 2.5, 2.5, 2.5, 2.5, 2.5));
        summary.Ratios[2].Should().Be(new RatioStatistics("Na/K", 0, null, null, null, null, null));
        summary.RuleCounts.Should().Equal(
            new KeyValuePair<string, int>("calcium-shell", 3),
            new KeyValuePair<string, int>("four-lows", 2),
            new KeyValuePair<string, int>("fast-oxidation-mineral-depletion", 1));
    }

    [Test]
    public void Quartiles_interpolate_between_ranks()
    {
        // 1, 2, 3, 4: h = 3p → q1 at 0.75 → 1.75; median at 1.5 → 2.5; q3 at 2.25 → 3.25.
        var statistics = BatchSummaryBuilder.Statistics("x", [1, 2, 3, 4]);

        statistics.Should().Be(new RatioStatistics("x", 4, 1, 1.75, 2.5, 3.25, 4));
        BatchSummaryBuilder.Statistics("x", [7]).Should().Be(new RatioStatistics("x", 1, 7, 7, 7, 7, 7));
    }

    [Test]
    public void Many_values_beyond_one_storage_block_give_exact_quartiles()
    {
        var builder = new BatchSummaryBuilder();
        for (var i = 200_000; i >= 0; i--)
        {
            builder.Add(Row(OxidationType.Slow, i));
        }

        var caK = builder.Build().Ratios[0];

        caK.Should().Be(new RatioStatistics("Ca/K", 200_001, 0, 50_000, 100_000, 150_000, 200_000));
        builder.Build().Ratios[0].Should().Be(caK, "building again gives the same figures");

        // Another builder's values (a batch worker's share) taken over: the figures of all the values together.
        var other = new BatchSummaryBuilder();
        for (var i = 200_001; i <= 400_000; i++)
        {
            other.Add(Row(OxidationType.Slow, i));
        }

        builder.Add(other);
        builder.Build().Ratios[0].Should().Be(new RatioStatistics("Ca/K", 400_001, 0, 100_000, 200_000, 300_000, 400_000));
    }

    [Test]
    public void The_text_lists_types_ratios_and_rules()
    {
        var builder = new BatchSummaryBuilder();
        builder.Add(Row(OxidationType.Slow, 8, "calcium-shell"));
        builder.Add(Row(OxidationType.Fast, 1));
        using var text = new StringWriter { NewLine = "\n" };

        builder.Build().WriteText(text);

        text.ToString().Should().Be(
            """
            cohort summary: 2 rows, 2 interpreted, 0 not interpreted (errors)

            oxidation type      panels    share
            indeterminate            0     0.0%
            slow                     1    50.0%
            fast                     1    50.0%
            mixed                    0     0.0%

            ratio       panels       min        q1    median        q3       max
            Ca/K             2         1      2.75       4.5      6.25         8
            Na/Mg            2       2.5       2.5       2.5       2.5       2.5
            Na/K             0         -         -         -         -         -
            Ca/Mg            0         -         -         -         -         -
            Zn/Cu            0         -         -         -         -         -
            Ca/P             0         -         -         -         -         -

            rule               panels    share
            calcium-shell           1    50.0%

            """.ReplaceLineEndings("\n"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(1000)]
    [TestCase(100_001)]
    public void Statistics_found_by_selection_equal_those_of_the_sorted_values(int count)
    {
        var random = new Random(count);
        // Many repeated values as well as spread ones: the selection must handle ties.
        var values = Enumerable.Range(0, count).Select(_ => random.Next(3) == 0 ? Math.Round(random.NextDouble() * 10, 1) : random.NextDouble() * 100).ToArray();
        var sorted = values.Order().ToArray();

        BatchSummaryBuilder.StatisticsBySelection("x", values).Should().Be(BatchSummaryBuilder.Statistics("x", sorted));
    }

    [TestCase("all equal")]
    [TestCase("one narrow range")]
    [TestCase("negative and positive")]
    [TestCase("tiny and huge")]
    public void Statistics_found_by_selection_hold_for_values_crowded_into_one_bucket_or_spread_over_all(string kind)
    {
        var random = new Random(kind.Length);
        var values = Enumerable.Range(0, 50_001).Select(_ => kind switch
        {
            "all equal" => 4.17,
            "one narrow range" => 1 + (random.NextDouble() * 1e-9),
            "negative and positive" => (random.NextDouble() - 0.5) * 1000,
            _ => Math.Pow(10, (random.NextDouble() * 600) - 300),
        }).ToArray();
        var sorted = values.Order().ToArray();

        BatchSummaryBuilder.StatisticsBySelection("x", values).Should().Be(BatchSummaryBuilder.Statistics("x", sorted));
    }
}
