using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Retests;
using static HtmaInterpreter.Tests.Retests.RetestPanels;

namespace HtmaInterpreter.Tests.Retests;

public class RetestComparerTests
{
    private static readonly RetestComparer Comparer = new();

    private static RetestComparison Compare(params Panel[] panels)
    {
        var result = Comparer.Compare(panels);
        result.Value.Should().NotBeNull(string.Join("\n", result.Diagnostics));
        return result.Value!;
    }

    [Test]
    public void Deltas_are_absolute_and_relative_in_mg_percent()
    {
        var comparison = Compare(
            Basic("A", "2025-10-06", ca: 96, mg: 11, na: 8, k: 6),
            Basic("B", "2026-02-09", ca: 72, mg: 9, na: 14, k: 8));

        var ca = comparison.Elements.Single(e => e.Name == "Ca");
        ca.Values.Should().Equal(96, 72);
        ca.Overall.Absolute.Should().Be(-24);
        ca.Overall.Relative.Should().BeApproximately(-0.25, 1e-12);
        var na = comparison.Elements.Single(e => e.Name == "Na");
        na.Overall.Absolute.Should().Be(6);
        na.Overall.Relative.Should().BeApproximately(0.75, 1e-12);
        comparison.Elements.Single(e => e.Name == "Ca").Changes.Should().ContainSingle().Which.Should().Be(ca.Overall);
        comparison.Tests.Select(t => t.SampleId).Should().Equal("A", "B");
        comparison.Tests[1].MonthsFromFirst.Should().BeApproximately(126 / 30.4375, 1e-12); // 2025-10-06 → 2026-02-09 is 126 days
    }

    [Test]
    public void Values_in_different_units_and_labs_are_compared_in_mg_percent()
    {
        var dd = Panel("DD", "2025-01-10", M("Ca", 960, ConcentrationUnit.MicrogramPerGram), M("Pb", 0.5m, ConcentrationUnit.MicrogramPerGram)) with { Lab = "Doctor's Data" };
        var arl = Panel("ARL", "2025-05-10", M("Ca", 72), M("Pb", 0.035m));

        var comparison = Compare(arl, dd); // given out of order: sorted by date

        comparison.Tests.Select(t => t.SampleId).Should().Equal("DD", "ARL");
        comparison.Elements.Single(e => e.Name == "Ca").Values.Should().Equal(96, 72);
        comparison.Elements.Single(e => e.Name == "Pb").Values[0].Should().BeApproximately(0.05, 1e-12);
        comparison.ReferenceProfile.Id.Should().Be("arl");
        comparison.Diagnostics.Select(d => d.Code).Should().Contain(DiagnosticCodes.RetestDifferentLabs);
    }

    [TestCase(96, 72, ChangeDirection.Toward, TestName = "Above the ideal, falling toward it")]
    [TestCase(50, 72, ChangeDirection.Away, TestName = "Above the ideal, rising away")]
    [TestCase(20, 30, ChangeDirection.Toward, TestName = "Below the ideal, rising toward it")]
    [TestCase(30, 20, ChangeDirection.Away, TestName = "Below the ideal, falling away")]
    [TestCase(30, 60, ChangeDirection.Away, TestName = "Below the ideal, overshooting further above it: away although it rose")]
    [TestCase(60, 30, ChangeDirection.Toward, TestName = "Above the ideal, falling to just below it: toward")]
    [TestCase(20, 80, ChangeDirection.Same, TestName = "Half the ideal to twice the ideal: the same log distance")]
    public void Calcium_direction_is_judged_by_the_log_distance_to_the_ideal_of_40(int before, int after, ChangeDirection expected)
    {
        var comparison = Compare(Panel("A", "2025-01-01", M("Ca", before)), Panel("B", "2025-06-01", M("Ca", after)));

        comparison.Elements.Single(e => e.Name == "Ca").Overall.Direction.Should().Be(expected);
    }

    [TestCase(0.012, 0.035, ChangeDirection.Away)]
    [TestCase(0.08, 0.03, ChangeDirection.Toward)]
    [TestCase(0.01, 0.01, ChangeDirection.Same)]
    public void Toxic_metals_are_better_lower(double before, double after, ChangeDirection expected)
    {
        var comparison = Compare(Panel("A", "2025-01-01", M("Pb", (decimal)before)), Panel("B", "2025-06-01", M("Pb", (decimal)after)));

        var pb = comparison.Elements.Single(e => e.Name == "Pb");
        pb.Reference.Kind.Should().Be(IdealKind.LowerIsBetter);
        pb.Overall.Direction.Should().Be(expected);
    }

    [Test]
    public void Reference_band_counts_zero_inside_and_log_distance_outside()
    {
        // ARL: Cr has only an upper cut-off of 0.012 mg%; P has the ideal 16 (the ideal wins over the 13-16 band).
        var comparison = Compare(
            Panel("A", "2025-01-01", M("Cr", 0.009m), M("Cu", 1.9m), M("P", 12)),
            Panel("B", "2025-06-01", M("Cr", 0.024m), M("Cu", 2.3m), M("P", 18)));

        var cr = comparison.Elements.Single(e => e.Name == "Cr");
        cr.Reference.Should().Be(new IdealReference(IdealKind.Range, null, null, 0.012, "arl"));
        cr.Overall.DistanceBefore.Should().Be(0);
        cr.Overall.DistanceAfter.Should().BeApproximately(Math.Log10(2), 1e-12);
        cr.Overall.Direction.Should().Be(ChangeDirection.Away);
        var cu = comparison.Elements.Single(e => e.Name == "Cu");
        cu.Reference.Kind.Should().Be(IdealKind.None);
        cu.Overall.Direction.Should().Be(ChangeDirection.NoIdeal);
        var p = comparison.Elements.Single(e => e.Name == "P");
        p.Overall.DistanceBefore.Should().BeApproximately(Math.Log10(16.0 / 12), 1e-12);
        p.Overall.DistanceAfter.Should().BeApproximately(Math.Log10(18.0 / 16), 1e-12);
        p.Overall.Direction.Should().Be(ChangeDirection.Toward);
    }

    [Test]
    public void Ratio_direction_uses_the_ratio_ideal()
    {
        var comparison = Compare(
            Basic("A", "2025-10-06", ca: 96, mg: 11, na: 8, k: 6),
            Basic("B", "2026-02-09", ca: 72, mg: 9, na: 14, k: 8));

        var caK = comparison.Ratios.Single(r => r.Name == "Ca/K");
        caK.Values.Should().Equal(16, 9);
        caK.Reference.Ideal.Should().Be(4);
        caK.Overall.Direction.Should().Be(ChangeDirection.Toward);
        caK.Overall.DistanceBefore.Should().BeApproximately(Math.Log10(4), 1e-12);
    }

    [Test]
    public void Three_tests_at_0_3_and_6_months_fit_a_straight_line()
    {
        var trend = RetestComparer.Fit([0, 3, 6], [100, 80, 60]);

        trend.Should().NotBeNull();
        trend!.SlopePerMonth.Should().BeApproximately(-20.0 / 3, 1e-9); // -6.667 mg%/month
        trend.Intercept.Should().BeApproximately(100, 1e-9);
        trend.RSquared.Should().BeApproximately(1, 1e-12);
        trend.Points.Should().Be(3);
    }

    [Test]
    public void Trend_with_scatter_has_the_hand_computed_slope_and_r_squared()
    {
        // x = 0, 1, 2; y = 1, 3, 2: slope = Sxy/Sxx = 1/2, intercept 1.5; SSres = 1.5, SStot = 2, R² = 0.25.
        var trend = RetestComparer.Fit([0, 1, 2], [1, 3, 2]);

        trend!.SlopePerMonth.Should().BeApproximately(0.5, 1e-12);
        trend.Intercept.Should().BeApproximately(1.5, 1e-12);
        trend.RSquared.Should().BeApproximately(0.25, 1e-12);
    }

    [Test]
    public void Trend_of_an_unchanging_series_has_no_r_squared_and_two_points_have_no_trend()
    {
        RetestComparer.Fit([0, 1, 2], [5, 5, 5])!.RSquared.Should().BeNull();
        RetestComparer.Fit([0, 1, 2], [5, 5, 5])!.SlopePerMonth.Should().Be(0);
        RetestComparer.Fit([0, 1, 2], [5, null, 5]).Should().BeNull();
    }

    [Test]
    public void Three_dated_panels_give_a_trend_per_element_and_ratio_in_months_of_30_4375_days()
    {
        // 2025-01-01, +91 days, +182 days: equally spaced, each step 91 / 30.4375 months.
        var comparison = Compare(
            Basic("A", "2025-01-01", ca: 100, mg: 10, na: 20, k: 10),
            Basic("B", "2025-04-02", ca: 80, mg: 10, na: 20, k: 10),
            Basic("C", "2025-07-02", ca: 60, mg: 10, na: 20, k: 10));

        var ca = comparison.Elements.Single(e => e.Name == "Ca");
        ca.Trend!.SlopePerMonth.Should().BeApproximately(-20 * 30.4375 / 91, 1e-9);
        ca.Trend.RSquared.Should().BeApproximately(1, 1e-12);
        ca.Changes.Select(c => c.Direction).Should().Equal(ChangeDirection.Toward, ChangeDirection.Toward);
        var caK = comparison.Ratios.Single(r => r.Name == "Ca/K");
        caK.Trend!.SlopePerMonth.Should().BeApproximately(-2 * 30.4375 / 91, 1e-9);
        comparison.Elements.Single(e => e.Name == "Mg").Trend!.RSquared.Should().BeNull();
        comparison.HasTrends.Should().BeTrue();
    }

    [Test]
    public void Balance_distance_is_the_rms_of_log_deviations_over_the_key_ratios()
    {
        // Ca 40, Mg 6, Na 25, K 10, Zn 20, Cu 2.5: Ca/K 4, Na/K 2.5, Zn/Cu 8 at their ideals; Na/Mg 25/6 and Ca/Mg 40/6 just off 4.17 and 6.67.
        // Halving K doubles Ca/K and Na/K: each log10(2) from its ideal.
        var comparison = Compare(
            Basic("A", "2025-01-01", ca: 40, mg: 6, na: 25, k: 10, zn: 20, cu: 2.5m),
            Basic("B", "2025-06-01", ca: 40, mg: 6, na: 25, k: 5, zn: 20, cu: 2.5m));

        var naMg = Math.Log10(25.0 / 6 / 4.17);
        var caMg = Math.Log10(40.0 / 6 / 6.67);
        var log2 = Math.Log10(2);
        comparison.Tests[0].Balance.Value.Should().BeApproximately(Math.Sqrt(((naMg * naMg) + (caMg * caMg)) / 5), 1e-12);
        comparison.Tests[1].Balance.Value.Should().BeApproximately(Math.Sqrt(((2 * log2 * log2) + (naMg * naMg) + (caMg * caMg)) / 5), 1e-12);
        comparison.Tests[1].Balance.Value.Should().BeApproximately(0.1904, 1e-4);
        comparison.Tests[1].Balance.Deviations.Select(d => d.Key).Should().Equal("Ca/K", "Na/Mg", "Na/K", "Ca/Mg", "Zn/Cu");
        comparison.Tests[1].Balance.Missing.Should().BeEmpty();
    }

    [Test]
    public void Balance_distance_leaves_out_missing_key_ratios_and_names_them()
    {
        var comparison = Compare(Panel("A", "2025-01-01", M("Ca", 80), M("K", 10)), Panel("B", "2025-06-01", M("Ca", 40), M("K", 10)));

        comparison.Tests[0].Balance.Value.Should().BeApproximately(Math.Log10(2), 1e-12);
        comparison.Tests[1].Balance.Value.Should().BeApproximately(0, 1e-12);
        comparison.Tests[0].Balance.Missing.Should().Equal("Na/Mg", "Na/K", "Ca/Mg", "Zn/Cu");
    }

    [Test]
    public void Transitions_show_a_move_from_fast_to_slow_and_back()
    {
        var fast = Basic("A", "2025-01-01", ca: 20, mg: 4, na: 40, k: 10); // Ca/K 2, Na/Mg 10
        var slow = Basic("B", "2025-06-01", ca: 100, mg: 10, na: 20, k: 10); // Ca/K 10, Na/Mg 2
        var fastAgain = Basic("C", "2025-12-01", ca: 20, mg: 4, na: 40, k: 10);

        var comparison = Compare(fast, slow, fastAgain);

        comparison.Tests.Select(t => t.Interpretation.Oxidation.Type).Should().Equal(OxidationType.Fast, OxidationType.Slow, OxidationType.Fast);
        comparison.Transitions.Should().HaveCount(2);
        comparison.Transitions[0].RateReversed.Should().BeTrue();
        comparison.Transitions[0].FromRate.Should().Be(OxidationType.Fast);
        comparison.Transitions[0].ToRate.Should().Be(OxidationType.Slow);
        comparison.Transitions[0].Description.Should().StartWith("fast").And.Contain("→ slow");
        comparison.Transitions[1].ToRate.Should().Be(OxidationType.Fast);
    }

    [Test]
    public void Unchanged_oxidation_is_not_a_reversal()
    {
        var comparison = Compare(Basic("A", "2025-01-01", 100, 10, 20, 10), Basic("B", "2025-06-01", 90, 10, 20, 10));

        comparison.Transitions.Single().RateReversed.Should().BeFalse();
        comparison.Transitions.Single().Changed.Should().BeFalse();
        comparison.Transitions.Single().Description.Should().EndWith("unchanged");
    }

    [Test]
    public void Panels_of_different_people_are_an_error()
    {
        var other = Basic("B", "2025-06-01", 90, 10, 20, 10) with { SubjectId = "P-2" };

        var result = Comparer.Compare([Basic("A", "2025-01-01", 100, 10, 20, 10), other]);

        result.Value.Should().BeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.RetestDifferentSubjects && d.Severity == DiagnosticSeverity.Error)
            .Which.Message.Should().Contain("P-1").And.Contain("P-2");
    }

    [Test]
    public void A_panel_without_subject_is_compared_with_an_info()
    {
        var result = Comparer.Compare([Basic("A", "2025-01-01", 100, 10, 20, 10), Basic("B", "2025-06-01", 90, 10, 20, 10) with { SubjectId = null }]);

        result.Success.Should().BeTrue();
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.RetestSubjectNotChecked);
    }

    [Test]
    public void The_same_date_twice_is_a_warning_and_keeps_the_order_given()
    {
        var result = Comparer.Compare([Basic("A", "2025-01-01", 100, 10, 20, 10), Basic("B", "2025-01-01", 90, 10, 20, 10)]);

        result.Success.Should().BeTrue();
        result.Value!.Tests.Select(t => t.SampleId).Should().Equal("A", "B");
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.RetestSameDate && d.Severity == DiagnosticSeverity.Warning);
    }

    [TestCase(0)]
    [TestCase(1)]
    public void Fewer_than_two_panels_is_an_error(int count)
    {
        var panels = Enumerable.Range(0, count).Select(i => Basic("A", "2025-01-01", 100, 10, 20, 10)).ToList();

        var result = Comparer.Compare(panels);

        result.Value.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.RetestTooFewPanels);
    }

    [Test]
    public void Panels_without_dates_are_compared_in_the_order_given_with_a_warning_and_no_trend()
    {
        var result = Comparer.Compare([Basic("B", null, 80, 10, 20, 10), Basic("A", "2025-01-01", 100, 10, 20, 10), Basic("C", "2025-09-01", 60, 10, 20, 10)]);

        result.Success.Should().BeTrue();
        var comparison = result.Value!;
        comparison.Tests.Select(t => t.SampleId).Should().Equal("B", "A", "C");
        comparison.Tests.Should().OnlyContain(t => t.MonthsFromFirst == null);
        comparison.HasTrends.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.RetestMissingDate && d.Severity == DiagnosticSeverity.Warning);
    }

    [Test]
    public void An_element_on_one_test_only_is_kept_with_a_gap()
    {
        var comparison = Compare(
            Panel("A", "2025-01-01", M("Ca", 50), M("Hg", 0.01m)),
            Panel("B", "2025-06-01", M("Ca", 45), M("Se", 0.1m)));

        var hg = comparison.Elements.Single(e => e.Name == "Hg");
        hg.Values.Should().Equal(0.01, null);
        hg.HasGaps.Should().BeTrue();
        hg.Overall.Direction.Should().Be(ChangeDirection.NotComparable);
        hg.Overall.Absolute.Should().BeNull();
        comparison.Elements.Single(e => e.Name == "Se").Values.Should().Equal(null, 0.1);
        comparison.Diagnostics.Where(d => d.Code == DiagnosticCodes.RetestElementNotOnEveryTest).Select(d => d.Location.Field).Should().Equal("Hg", "Se");
    }

    [Test]
    public void Comparison_is_immutable_data_safe_to_share()
    {
        var panels = new[] { Basic("A", "2025-01-01", 100, 10, 20, 10), Basic("B", "2025-06-01", 90, 10, 20, 10) };
        var results = Enumerable.Range(0, 8).AsParallel().Select(_ => Comparer.Compare(panels).Value!.Tests[1].Balance.Value).ToList();

        results.Distinct().Should().ContainSingle();
    }
}
