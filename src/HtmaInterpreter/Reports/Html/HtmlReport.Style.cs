namespace HtmaInterpreter.Reports;

// The report's style sheet.
internal static partial class HtmlReport
{
    /// <summary>The report's style sheet: screen and A4 print; the compare report uses it too.</summary>
    internal const string Css =
        """
        :root { --ink: #1f2933; --muted: #5f6b7a; --rule: #d9dee5; --paper: #fff; --accent: #234e70;
          --green: #2f855a; --green-tint: #e3f1e8; --amber: #b7791f; --amber-tint: #fbf1dc; --red: #c53030; --red-tint: #fbe3e3;
          --grey: #8a94a3; --grey-tint: #eef1f4; --blue: #4a6a8f; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #eceff3; color: var(--ink);
          font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        .report, .index { max-width: 210mm; margin: 16px auto; padding: 14mm 13mm; background: var(--paper); box-shadow: 0 1px 4px rgba(0,0,0,.12); }
        h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
        h2 { font-size: 15px; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding-bottom: 3px; margin: 20px 0 10px; letter-spacing: .01em; }
        h3 { font-size: 12.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 12px 0 4px; }
        p { margin: 4px 0 8px; }
        .small, .source, figcaption, .caption, .generator { font-size: 11px; color: var(--muted); }
        .report-header { display: grid; grid-template-columns: 1fr auto; gap: 8px 16px; border-bottom: 3px solid var(--accent); padding-bottom: 10px; }
        .report-header .kicker { margin: 0; font-size: 11px; text-transform: uppercase; letter-spacing: .12em; color: var(--muted); }
        .report-header h1 { font-size: 24px; color: var(--accent); }
        .report-header .model { margin: 2px 0 0; color: var(--muted); }
        .report-header .sample { text-align: right; }
        .report-header .sample .label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .12em; color: var(--muted); }
        .report-header .sample-id { font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
        .meta { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px 14px; margin: 6px 0 0; }
        .meta div { min-width: 0; }
        .meta dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .meta dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
        .meta .unit { color: var(--muted); font-weight: 400; }
        .summary { margin: 14px 0 0; padding: 8px 14px; border: 1px solid var(--rule); border-left: 6px solid var(--grey); border-radius: 4px; break-inside: avoid; }
        .summary h2 { border: 0; margin: 0 0 4px; padding: 0; }
        .summary.concern-refer { border: 2px solid var(--red); border-left-width: 6px; background: var(--red-tint); }
        .summary.concern-refer h2 { color: var(--red); }
        .summary.concern-attention { border-color: var(--amber); border-left-color: var(--amber); background: var(--amber-tint); }
        .summary.concern-attention h2 { color: #8a5a12; }
        .summary.concern-none { border-left-color: var(--green); background: #f6faf7; }
        .summary-points { list-style: none; margin: 0; padding: 0; }
        .summary-points > li { margin: 2px 0; padding-left: 96px; text-indent: -96px; }
        .summary-points .label { display: inline-block; width: 92px; text-indent: 0; font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .summary ul.referrals { margin: 2px 0; padding-left: 18px; text-indent: 0; }
        .summary .toxic-metal { color: var(--red); }
        .summary .all-clear { margin: 6px 0 0; color: var(--muted); }
        .oxidation-body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 16px; align-items: start; }
        .oxidation .type { font-size: 20px; font-weight: 650; margin: 0 0 6px; color: var(--accent); }
        .pill { display: inline-block; margin: 0 6px 4px 0; padding: 1px 8px; border-radius: 10px; background: var(--grey-tint); font-size: 11.5px; }
        .notes { margin: 8px 0 0; padding-left: 18px; font-size: 11.5px; color: var(--muted); }
        table.data { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.data th { text-align: left; font-size: 10.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--rule); padding: 3px 6px; font-weight: 600; }
        table.data td { border-bottom: 1px solid #eef0f3; padding: 3px 6px; vertical-align: top; overflow-wrap: anywhere; }
        table.data .num { text-align: right; }
        table.data .cmp { text-align: center; color: var(--muted); }
        table.compact { font-size: 11.5px; }
        table.narrow { width: auto; min-width: 50%; }
        table.data caption { text-align: left; font-size: 11px; color: var(--muted); padding: 4px 0; }
        td.where { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10.5px; }
        figure.chart-block { margin: 0 0 10px; break-inside: avoid; }
        figcaption { margin-top: 2px; }
        svg.chart { display: block; width: 100%; height: auto; font-variant-numeric: tabular-nums; }
        svg .col { font-size: 10px; font-weight: 600; fill: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
        svg .zone-label { font-size: 9.5px; fill: var(--muted); }
        svg .sym { font-size: 12px; font-weight: 650; fill: var(--ink); }
        svg .name { font-size: 11px; fill: var(--muted); }
        svg .num { font-size: 12px; fill: var(--ink); }
        svg .ref { font-size: 11px; fill: var(--muted); }
        svg .level { font-size: 10.5px; fill: var(--muted); }
        svg .band { font-size: 10px; fill: var(--muted); font-style: italic; }
        svg .nd { font-size: 10px; fill: var(--grey); font-style: italic; }
        svg .row-shade { fill: #f6f8fa; }
        svg .zone-in { fill: var(--green-tint); }
        svg .zone-out { fill: var(--amber-tint); }
        svg .zone-toxic { fill: var(--red-tint); }
        svg .zone-neutral { fill: var(--grey-tint); }
        svg .zone-none { fill: none; stroke: var(--rule); stroke-dasharray: 3 3; }
        svg .ideal-tick { stroke: var(--ink); stroke-width: 1.5; }
        svg .grid-line { stroke: var(--rule); stroke-width: 1; stroke-dasharray: 2 3; }
        svg .centre-line { stroke: var(--ink); stroke-width: 1.2; }
        svg .bar { fill: var(--grey); }
        svg .level-within .bar { fill: var(--green); }
        svg .level-low .bar, svg .level-high .bar { fill: var(--amber); }
        svg .level-elevated .bar { fill: var(--red); }
        svg .level-elevated .level { fill: var(--red); font-weight: 650; }
        svg .level-low .level, svg .level-high .level { fill: var(--amber); font-weight: 600; }
        svg .level-ideal .level { fill: var(--blue); font-weight: 600; }
        svg .bar.below-limit { fill-opacity: .35; }
        svg .overflow { fill: var(--ink); }
        svg .ratio-bar.within .bar { fill: var(--green); }
        svg .ratio-bar.outside .bar { fill: var(--amber); }
        svg .ratio-bar.no-range .bar { fill: var(--blue); }
        svg .ratio-bar.flagged .bar { fill: var(--amber); stroke: #7a4f10; stroke-width: 1; }
        svg .ratio-bar.deciding .sym { text-decoration: underline; }
        svg .mark { font-size: 11px; fill: var(--accent); }
        svg .flag { font-size: 10px; fill: #8a5a12; font-weight: 600; }
        .legend { font-size: 11px; color: var(--muted); }
        .legend .key { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 10px; border-radius: 1.5px; vertical-align: middle; background: var(--grey); }
        .legend .key:first-child { margin-left: 0; }
        .legend .key.level-within { background: var(--green); }
        .legend .key.level-low { background: var(--amber); }
        .legend .key.level-elevated { background: var(--red); }
        .legend .key.ratio-within { background: var(--green); }
        .legend .key.ratio-outside { background: var(--amber); }
        .legend .key.ratio-flagged { background: var(--amber); outline: 1px solid #7a4f10; }
        .legend .key.ratio-no-range { background: var(--blue); }
        .legend .mark { margin: 0 4px 0 10px; color: var(--accent); }
        .ratio-list h3 { margin-top: 8px; }
        .ratio-list dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 2px 12px; margin: 2px 0 0; font-size: 11.5px; font-variant-numeric: tabular-nums; }
        .ratio-list dl div { display: flex; justify-content: space-between; gap: 6px; border-bottom: 1px solid #eef0f3; }
        .ratio-list dt { color: var(--muted); }
        .ratio-list dd { margin: 0; }
        .ratio-list .band { font-style: italic; color: var(--muted); }
        h2 .count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: var(--accent); color: #fff; font-size: 11px; text-align: center; vertical-align: 2px; }
        .finding { break-inside: avoid; border: 1px solid var(--rule); border-left: 4px solid var(--grey); border-radius: 3px; padding: 8px 12px; margin: 6px 0 10px; }
        .finding.sev-refer { border-left-color: var(--red); }
        .finding.sev-attention { border-left-color: var(--amber); }
        .finding.sev-info { border-left-color: var(--blue); }
        .finding h3 { margin: 0 0 4px; }
        .finding h4 { font-size: 13.5px; margin-bottom: 2px; }
        .badge { display: inline-block; padding: 0 6px; margin-left: 6px; border-radius: 3px; background: var(--grey-tint); font-size: 11px; font-weight: 600; vertical-align: 1px; }
        .finding .evidence { font-size: 11.5px; font-variant-numeric: tabular-nums; margin: 2px 0; }
        .finding .evidence .label, .ratio-list .label { font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-right: 4px; }
        .suggestions { margin: 4px 0; padding-left: 18px; }
        .caveats ul { padding-left: 18px; font-size: 12px; }
        table.data .code { white-space: nowrap; overflow-wrap: normal; }
        tr.diag-error td:first-child { color: var(--red); font-weight: 600; }
        tr.diag-warning td:first-child { color: var(--amber); font-weight: 600; }
        .disclaimer { margin-top: 20px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 11.5px; }
        .index td a { color: var(--accent); }
        details.technical { margin-top: 18px; border-top: 1px solid var(--rule); }
        details.technical > summary { cursor: pointer; list-style-position: outside; margin-left: 16px; }
        details.technical > summary h2 { display: inline-block; border: 0; color: var(--muted); margin: 10px 0 4px; }
        details.technical table.data { margin-bottom: 8px; table-layout: fixed; }
        details.technical td.rule-id { overflow-wrap: normal; word-break: normal; }
        table.rules-fired th:nth-child(1) { width: 30%; }
        details.technical .source { font-size: inherit; }
        .not-evaluated ul { columns: 2; column-gap: 18px; margin: 2px 0; padding-left: 14px; font-size: 11px; }
        .not-evaluated li { break-inside: avoid; }
        details.technical .rule-id, details.technical code.test { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10px; }
        details.technical code.test { display: inline-block; background: #f3f5f8; border: 1px solid #e3e7ec; border-radius: 3px; padding: 0 4px; margin: 0 2px 2px 0; }
        @page { size: A4; margin: 10mm 12mm;
          @top-right { content: "page " counter(page) " of " counter(pages); font: 9px system-ui, "Noto Sans", "Liberation Sans", sans-serif; color: #5f6b7a; } }
        @media print {
          /* Three A4 pages at most for one panel, letterhead included: body text 8.5pt, the secondary text (captions,
             lab caveats, diagnostics, technical details) 7.5-8pt, and tight vertical spacing. */
          body { background: none; font-size: 8.5pt; line-height: 1.3; }
          p { margin: 2px 0 4px; }
          /* Charts at 84% of the width print their text at about the body size and take less height. */
          svg.chart { width: 84%; }
          table.data th { font-size: 7.5pt; padding: 1px 5px; }
          table.data td { padding: 1px 5px; }
          table.compact { font-size: 8pt; }
          .summary { margin-top: 8px; padding: 4px 10px; }
          .summary-points > li { margin: 1px 0; }
          .report, .index { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .report + .report, .index + .report { break-before: page; }
          .summary, .oxidation-body, .finding, figure.chart-block, table.data tr, .ratio-list dl div { break-inside: avoid; }
          h2, h3, h4, table.data caption { break-after: avoid; }
          h2 { margin: 7px 0 3px; font-size: 13px; padding-bottom: 1px; }
          h3 { margin: 5px 0 2px; font-size: 10.5px; }
          .report-header { padding-bottom: 6px; }
          .report-header h1 { font-size: 19px; }
          .report-header .kicker, .report-header .sample .label, .meta dt { font-size: 7.5pt; }
          .meta { gap: 2px 12px; margin-top: 3px; }
          .oxidation .type { font-size: 16px; margin-bottom: 3px; }
          .pill { font-size: 8pt; padding: 0 6px; margin-bottom: 2px; }
          .notes { font-size: 8pt; margin-top: 4px; }
          .caption, figcaption, .legend, .small, .generator { font-size: 7.5pt; line-height: 1.25; }
          figcaption { margin-top: 1px; }
          figure.chart-block { margin-bottom: 4px; }
          .ratio-list dl { font-size: 8.5pt; gap: 0 12px; }
          .finding { padding: 2px 8px; margin: 2px 0 3px; }
          .finding h4 { font-size: 9.5pt; margin-bottom: 0; }
          .finding p { margin: 1px 0 2px; }
          .finding .evidence { font-size: 8.5pt; margin: 1px 0; }
          .finding .evidence .label, .ratio-list .label { font-size: 7.5pt; }
          .suggestions { margin: 1px 0; padding-left: 16px; }
          .caveats ul { font-size: 8pt; margin: 2px 0; padding-left: 16px; line-height: 1.25; }
          .diagnostics table.data { font-size: 7.5pt; }
          td.where { font-size: 7pt; }
          .disclaimer { font-size: 8.5pt; margin-top: 6px; padding-top: 3px; }
          details.technical { margin-top: 6px; padding-top: 3px; }
          details.technical, details.technical table.compact, .not-evaluated ul { font-size: 7.5pt; line-height: 1.25; }
          details.technical .rule-id, details.technical code.test { font-size: 7pt; }
          details.technical code.test { margin: 0 2px 1px 0; }
          details.technical table.data { margin-bottom: 4px; }
          .not-evaluated ul { columns: 3; }
          details.technical > summary h2 { margin: 4px 0 2px; }
          /* The technical details are printed, after everything else, even though the browser shows them closed. */
          details.technical::details-content { content-visibility: visible; display: contents; }
          details.technical > summary { list-style: none; margin-left: 0; }
        }
        @media (max-width: 640px) {
          .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .oxidation-body { grid-template-columns: 1fr; }
        }

        """;
}
