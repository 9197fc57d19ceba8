using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;
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
        LabProfileId = "arl",
        ModelId = "eck-wilson",
        RuleSetName = "default",
        RuleSetVersion = "6059ea035386",
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
    public void Up_to_the_kept_values_the_quartiles_are_exact_over_several_storage_blocks_and_builders()
    {
        const int half = BatchSummaryBuilder.ExactQuartileValues / 2;
        var builder = new BatchSummaryBuilder();
        for (var i = half - 1; i >= 0; i--)
        {
            builder.Add(Row(OxidationType.Slow, i));
        }

        var caK = builder.Build().Ratios[0];

        caK.Should().Be(new RatioStatistics("Ca/K", half, 0, (half - 1) * 0.25, (half - 1) * 0.5, (half - 1) * 0.75, half - 1));
        builder.Build().Ratios[0].Should().Be(caK, "building again gives the same figures");

        // Another builder's values (a batch worker's share) taken over: the figures of all the values together, still
        // exact at the limit.
        var other = new BatchSummaryBuilder();
        for (var i = half; i < 2 * half; i++)
        {
            other.Add(Row(OxidationType.Slow, i));
        }

        builder.Add(other);
        const int n = 2 * half;
        builder.Build().Ratios[0].Should().Be(new RatioStatistics("Ca/K", n, 0, (n - 1) * 0.25, (n - 1) * 0.5, (n - 1) * 0.75, n - 1));
        builder.Build().Ratios[0].Estimated.Should().BeFalse();
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void Past_the_kept_values_the_quartiles_are_estimated_within_the_documented_bound(int past)
    {
        // Log-uniform values over twelve powers of ten, a few zeros, in random order: at the limit the figures are
        // exact; one value past it (and more) each quartile is within 2^-10 of the larger of the two exact values it lies
        // between, the minimum and maximum exact.
        var random = new Random(20260315 + past);
        var values = Enumerable.Range(0, BatchSummaryBuilder.ExactQuartileValues + past)
            .Select(i => i % 1000 == 0 ? 0 : Math.Pow(10, (random.NextDouble() * 12) - 6))
            .ToArray();
        var builder = new BatchSummaryBuilder();
        foreach (var value in values)
        {
            builder.Add(Row(OxidationType.Slow, value));
        }

        var sorted = values.Order().ToArray();
        var exact = BatchSummaryBuilder.Statistics("Ca/K", sorted);
        var estimated = builder.Build().Ratios[0];

        if (past == 0)
        {
            estimated.Should().Be(exact);
            return;
        }

        estimated.Estimated.Should().BeTrue();
        estimated.Count.Should().Be(values.Length);
        estimated.Minimum.Should().Be(exact.Minimum);
        estimated.Maximum.Should().Be(exact.Maximum);
        foreach (var (p, figure, truth) in new[]
                 {
                     (0.25, estimated.LowerQuartile, exact.LowerQuartile),
                     (0.5, estimated.Median, exact.Median),
                     (0.75, estimated.UpperQuartile, exact.UpperQuartile),
                 })
        {
            var h = (sorted.Length - 1) * p;
            var bound = Math.Pow(2, -10) * Math.Max(Math.Abs(sorted[(int)Math.Floor(h)]), Math.Abs(sorted[(int)Math.Ceiling(h)]));
            figure!.Value.Should().BeApproximately(truth!.Value, bound, $"quartile {p}");
        }
    }

    [Test]
    public void Estimated_figures_do_not_depend_on_how_the_rows_were_shared_between_builders()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, (2 * BatchSummaryBuilder.ExactQuartileValues) + 5).Select(_ => 1 + (random.NextDouble() * 30)).ToArray();
        var one = new BatchSummaryBuilder();
        var parts = new[] { new BatchSummaryBuilder(), new BatchSummaryBuilder(), new BatchSummaryBuilder() };
        for (var i = 0; i < values.Length; i++)
        {
            one.Add(Row(OxidationType.Slow, values[i]));
            parts[i % 3].Add(Row(OxidationType.Slow, values[i]));
        }

        var merged = new BatchSummaryBuilder();
        foreach (var part in parts)
        {
            merged.Add(part);
        }

        merged.Build().Ratios.Should().Equal(one.Build().Ratios);
        one.Build().Ratios[0].Estimated.Should().BeTrue();
        one.Build().Ratios[1].Estimated.Should().BeTrue("Na/Mg is 2.5 in every row: the bin of 2.5 holds it, clamped to the exact value");
        one.Build().Ratios[1].Median.Should().Be(2.5);

        using var text = new StringWriter { NewLine = "\n" };
        one.Build().WriteText(text);
        text.ToString().Should().Contain("Na/Mg       131077       2.5      ~2.5      ~2.5      ~2.5       2.5\n")
            .And.Contain("~ estimated (more panels than are kept): within 0.1% of the exact quartile\n");
    }

    [Test]
    public void Rows_past_the_shared_rule_lists_are_counted_per_rule()
    {
        // Past SharedRuleLists.MaxLists the batch gives each row a list of its own: they are counted, not kept.
        var builder = new BatchSummaryBuilder();
        var rows = SharedRuleLists.MaxLists + 10;
        var shared = new FiredRuleList(["four-lows"]);
        for (var i = 0; i < rows; i++)
        {
            builder.AddInterpreted(OxidationType.Slow, [1.0], new FiredRuleList(["calcium-shell", "four-lows"]), "arl");
            builder.AddInterpreted(OxidationType.Slow, [1.0], shared, "arl");
        }

        var other = new BatchSummaryBuilder();
        other.AddInterpreted(OxidationType.Slow, [1.0], new FiredRuleList(["calcium-shell"]), "tei");
        builder.Add(other);

        builder.Build().RuleCounts.Should().Equal(
            new KeyValuePair<string, int>("four-lows", 2 * rows),
            new KeyValuePair<string, int>("calcium-shell", rows + 1));
        builder.Build().LabProfiles.Should().Equal(
            new KeyValuePair<string, int>("arl", 2 * rows),
            new KeyValuePair<string, int>("tei", 1));
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
            $"""
            cohort summary: 2 rows, 2 interpreted, 0 not interpreted (errors)
            model eck-wilson · rules default 6059ea035386 · lab profile arl

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

            {Interpretation.NotADiagnosis}

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void The_text_names_every_lab_profile_with_its_panels_when_the_run_used_several()
    {
        var builder = new BatchSummaryBuilder();
        builder.Add(Row(OxidationType.Slow, 8) with { LabProfileId = "tei" });
        builder.Add(Row(OxidationType.Slow, 2));
        builder.Add(Row(OxidationType.Fast, 1) with { LabProfileId = "tei" });
        builder.Add(new BatchResult { Line = 5, SampleId = "bad", HasErrors = true });
        using var text = new StringWriter { NewLine = "\n" };

        var summary = builder.Build();
        summary.WriteText(text);

        summary.LabProfiles.Should().Equal(new KeyValuePair<string, int>("tei", 2), new KeyValuePair<string, int>("arl", 1));
        (summary.ModelId, summary.RuleSetName, summary.RuleSetVersion).Should().Be(("eck-wilson", "default", "6059ea035386"));
        var lines = text.ToString().Split('\n');
        lines[1].Should().Be("model eck-wilson · rules default 6059ea035386 · lab profiles tei (2 panels), arl (1 panel)");
        lines[^2].Should().Be(Interpretation.NotADiagnosis);
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
