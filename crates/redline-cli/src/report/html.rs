//! The report page: HTML with inline CSS and the charts of [`super::svg`], nothing loaded from
//! anywhere. Every text that comes from the store, a rules file or the command line goes
//! through [`escape`], since news text is full of `<`, `&` and quotes, and a page that renders a
//! hostile sentence as markup would be a hole.

use std::fmt::Write as _;

use chrono::NaiveDate;
use redline_analysis::hawkes::backtest::{Backtest, Summary};
use redline_analysis::{Direction, Ladder, Period};

use super::svg::{Band, Chart, Series, YAxis};
use redline_views::dyad::{DyadBody, DyadView, EpisodeView, TopEvent};

use super::{Report, count};
use crate::output::cut;

const CONFLICT: &str = "#c0392b";
const THIRD_PARTY: &str = "#7d3c98";
const GOLDSTEIN: &str = "#1f5fa8";
const LADDER: &str = "#b9570b";
const ESCALATION: &str = "#c0392b";
const DE_ESCALATION: &str = "#1e8449";

/// `s` with the five characters that mean something in HTML replaced by entities, so it is
/// shown as text in an element or an attribute value.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole page.
pub(super) fn page(r: &Report) -> String {
    let mut s = String::with_capacity(64 * 1024);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        s,
        "<title>Redline report: {}</title>",
        escape(&title_dyads(r))
    );
    let _ = writeln!(s, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    s.push_str(&header(r));
    s.push_str(&contents(r));
    if r.counts.events == 0 {
        s.push_str(
            "<p class=\"empty\">The store holds no events: there is nothing to chart yet. \
             Add documents with <code>redline ingest</code>.</p>\n",
        );
    } else if r.dyads.is_empty() {
        s.push_str(
            "<p class=\"empty\">No dyad has conflict events (QuadClass 3 or 4) in the store. \
             Name one with <code>--dyad SOURCE:TARGET</code> to report on it anyway.</p>\n",
        );
    }
    for d in &r.dyads {
        s.push_str(&dyad_section(d, r));
    }
    s.push_str(&alerts_section(r));
    s.push_str(&r.claims);
    let _ = writeln!(
        s,
        "<footer>Made by <code>redline report</code> {}. Events are real-world events \
         (clusters of reports), facts only: asserted and actual, neither denied nor \
         announced. Hover over a point for its values.</footer>",
        env!("CARGO_PKG_VERSION")
    );
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

fn title_dyads(r: &Report) -> String {
    if r.dyads.is_empty() {
        return r.store.clone();
    }
    let names: Vec<String> = r.dyads.iter().map(DyadView::name).collect();
    names.join(", ")
}

/// `RUS ↔ MDA` or `RUS → MDA`, escaped.
fn display_name(d: &DyadView) -> String {
    let arrow = if d.arrow == "<->" { "↔" } else { "→" };
    format!("{} {arrow} {}", escape(&d.a), escape(&d.b))
}

/// The id of a dyad's section: letters, digits and dashes only.
fn section_id(d: &DyadView) -> String {
    let mut id = String::from("dyad-");
    for c in format!("{}-{}", d.a, d.b).chars() {
        id.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        });
    }
    id
}

fn header(r: &Report) -> String {
    let mut s =
        String::from("<header>\n<h1>Redline escalation report</h1>\n<dl class=\"facts\">\n");
    let mut fact = |term: &str, value: String| {
        let _ = writeln!(s, "<dt>{term}</dt><dd>{value}</dd>");
    };
    fact("Store", format!("<code>{}</code>", escape(&r.store)));
    fact("Generated", escape(&r.generated));
    let range = match r.range {
        (None, None) => "each dyad from its first to its last event".to_string(),
        (Some(f), None) => format!("from {f}"),
        (None, Some(t)) => format!("up to {t}"),
        (Some(f), Some(t)) => format!("{f} to {t}"),
    };
    fact(
        "Range",
        format!("{range}, by {}", period_name(r.period).to_lowercase()),
    );
    let published = r
        .published
        .map_or(String::new(), |(f, l)| format!(", published {f} to {l}"));
    fact("Documents", format!("{}{published}", r.counts.documents));
    fact(
        "Events",
        format!(
            "{} reports in {} real-world events, from {} publishers",
            r.counts.events, r.counts.clusters, r.counts.sources
        ),
    );
    let chosen = match (r.chosen, r.dyads.len()) {
        (None, _) => "as asked".to_string(),
        (Some(_), 0) => "none: no dyad has conflict events".to_string(),
        (Some(n), k) if k < n => format!(
            "the {} with conflict events (up to {n} asked for), busiest first",
            count(k as u64, "dyad")
        ),
        (Some(n), _) => format!("the {n} with the most conflict events, busiest first"),
    };
    fact("Dyads", chosen);
    s.push_str("</dl>\n</header>\n");
    s
}

/// The table of contents: links inside the page only.
fn contents(r: &Report) -> String {
    if r.dyads.is_empty() {
        return String::new();
    }
    let mut s = String::from("<nav><h2 class=\"toc\">Contents</h2><ul>");
    for d in &r.dyads {
        let _ = write!(
            s,
            "<li><a href=\"#{}\">{}</a></li>",
            section_id(d),
            display_name(d)
        );
    }
    let _ = write!(
        s,
        "<li><a href=\"#alerts\">Red-line alerts ({})</a></li>",
        r.alerts.len()
    );
    if !r.claims.is_empty() {
        s.push_str("<li><a href=\"#claims\">Claims</a></li>");
    }
    s.push_str("</ul></nav>\n");
    s
}

fn period_name(p: Period) -> &'static str {
    match p {
        Period::Day => "Day",
        Period::Week => "Week",
        Period::Month => "Month",
    }
}

fn dyad_section(d: &DyadView, r: &Report) -> String {
    let mut s = format!(
        "<section class=\"dyad\" id=\"{}\">\n<h2>{}</h2>\n",
        section_id(d),
        display_name(d)
    );
    let Some(body) = &d.body else {
        let _ = writeln!(
            s,
            "<p class=\"empty\">No dated real-world events for {} in the range.</p>\n</section>",
            display_name(d)
        );
        return s;
    };
    let period = period_name(r.period).to_lowercase();
    let third: u64 = body.third.iter().sum();
    let _ = writeln!(
        s,
        "<p class=\"lede\">{} from {} to {}, by {period}: {} (QuadClass 3 and 4); {} (aid or \
         permission to a party at war with the other side, shown apart, never added to the \
         direct counts).</p>",
        count(body.events as u64, "real-world event"),
        body.from,
        body.to,
        count(body.conflict_events as u64, "conflict event"),
        count(third, "third-party event")
    );
    s.push_str("<div class=\"charts\">\n");
    for chart in charts(body, r.period) {
        s.push_str(&chart.render());
        s.push('\n');
    }
    s.push_str("</div>\n");
    s.push_str(&change_points(&body.episodes, &period));
    s.push_str(&self_excitation(body));
    s.push_str(&backtest_part(body));
    s.push_str("</section>\n");
    s
}

/// The `[start, end)` of each period of the series.
fn periods(body: &DyadBody, period: Period) -> Vec<(NaiveDate, NaiveDate)> {
    body.buckets
        .iter()
        .map(|b| (b.start, period.next(b.start)))
        .collect()
}

/// The shaded change-point episodes, and their legend.
fn bands(episodes: &[EpisodeView], period: &str) -> (Vec<Band>, Vec<(String, &'static str)>) {
    let mut legend = Vec::new();
    for (dir, label, color) in [
        (Direction::Escalation, "escalation episode", ESCALATION),
        (
            Direction::DeEscalation,
            "de-escalation episode",
            DE_ESCALATION,
        ),
    ] {
        if episodes.iter().any(|e| e.direction == dir) {
            legend.push((label.to_string(), color));
        }
    }
    let bands = episodes
        .iter()
        .map(|e| {
            let (word, color, row) = match e.direction {
                Direction::Escalation => ("escalation", ESCALATION, 0),
                Direction::DeEscalation => ("de-escalation", DE_ESCALATION, 1),
            };
            Band {
                start: e.start,
                end: e.end,
                label: word.to_string(),
                color,
                tip: format!(
                    "{word} from {}, flagged in the {period} of {} (CUSUM {:.1})",
                    e.start, e.flagged, e.score
                ),
                row,
            }
        })
        .collect();
    (bands, legend)
}

/// The three charts of a dyad, on the same time axis: conflict intensity with the third-party
/// component, the Goldstein mean, and the ladder.
fn charts(body: &DyadBody, kind: Period) -> [Chart; 3] {
    let period = &period_name(kind).to_lowercase();
    let periods = periods(body, kind);
    let (bands, band_legend) = bands(&body.episodes, period);
    let per_100 = |n: u64, docs: u64| (docs > 0).then(|| n as f64 * 100.0 / docs as f64);
    let conflict = Series {
        name: "conflict events per 100 documents".into(),
        color: CONFLICT,
        dashed: false,
        step: false,
        values: body
            .buckets
            .iter()
            .map(|b| b.conflict_per_100_documents())
            .collect(),
        tips: body
            .buckets
            .iter()
            .map(|b| {
                format!(
                    "{period} of {}: {}, {} published: {}",
                    b.start,
                    count(b.counts[2] + b.counts[3], "conflict event"),
                    count(b.documents, "document"),
                    b.conflict_per_100_documents()
                        .map_or("no documents".into(), |v| format!(
                            "{v:.1} per 100 documents"
                        ))
                )
            })
            .collect(),
    };
    let third = Series {
        name: "third-party events per 100 documents".into(),
        color: THIRD_PARTY,
        dashed: true,
        step: false,
        values: body
            .buckets
            .iter()
            .zip(&body.third)
            .map(|(b, &n)| per_100(n, b.documents))
            .collect(),
        tips: body
            .buckets
            .iter()
            .zip(&body.third)
            .map(|(b, n)| {
                format!(
                    "{period} of {}: {} (aid or permission to a party at war with the other side)",
                    b.start,
                    count(*n, "third-party event")
                )
            })
            .collect(),
    };
    let goldstein = Series {
        name: "mean Goldstein score (-10 conflict to +10 cooperation)".into(),
        color: GOLDSTEIN,
        dashed: false,
        step: false,
        values: body.buckets.iter().map(|b| b.goldstein_mean()).collect(),
        tips: body
            .buckets
            .iter()
            .map(|b| match b.goldstein_mean() {
                Some(m) => format!(
                    "{period} of {}: mean {m:+.1} over {}",
                    b.start,
                    count(b.total(), "event")
                ),
                None => format!("{period} of {}: no events", b.start),
            })
            .collect(),
    };
    let rung = Series {
        name: "highest rung reached".into(),
        color: LADDER,
        dashed: false,
        step: true,
        values: body
            .ladder
            .iter()
            .map(|p| Some(p.top.as_ref().map_or(0.0, |(r, _)| f64::from(r.level))))
            .collect(),
        tips: body
            .ladder
            .iter()
            .map(|p| match &p.top {
                Some((r, s)) => format!(
                    "{period} of {}: rung {} {} ({}), cluster {}: {}",
                    p.start,
                    r.level,
                    r.id,
                    r.title,
                    s.id,
                    cut(&s.evidence, 200)
                ),
                None => format!("{period} of {}: no rung", p.start),
            })
            .collect(),
    };
    let top_rung = Ladder::embedded()
        .rungs
        .iter()
        .map(|r| r.level)
        .max()
        .unwrap_or(1);
    let chart = |title: String, y_label: &str, y, zero_line, series| Chart {
        title,
        y_label: y_label.into(),
        periods: periods.clone(),
        y,
        zero_line,
        series,
        bands: bands.clone(),
        band_legend: band_legend.clone(),
    };
    [
        chart(
            format!("Conflict intensity per {period}"),
            "per 100 documents",
            YAxis::FromZero,
            false,
            vec![conflict, third],
        ),
        chart(
            format!("Goldstein mean per {period}"),
            "Goldstein",
            YAxis::Fixed(-10.0, 10.0),
            true,
            vec![goldstein],
        ),
        chart(
            format!("Escalation ladder: highest rung per {period}"),
            "rung (0 = none)",
            YAxis::Fixed(0.0, f64::from(top_rung)),
            false,
            vec![rung],
        ),
    ]
}

fn change_points(episodes: &[EpisodeView], period: &str) -> String {
    let mut s = String::from("<h3>Change points</h3>\n");
    if episodes.is_empty() {
        s.push_str(
            "<p class=\"muted\">None: the two-sided CUSUM on the conflict index (the negated \
             Goldstein sum per period) flagged no episode.</p>\n",
        );
        return s;
    }
    s.push_str(
        "<p class=\"muted\">Two-sided CUSUM on the conflict index (the negated Goldstein sum per \
         period); each episode with the events that weighed most in it.</p>\n\
         <table class=\"changes\"><thead><tr><th>Episode</th><th>From</th>\
         <th>Flagged</th><th class=\"num\">CUSUM</th><th>Events that weighed most</th>\
         </tr></thead><tbody>\n",
    );
    for e in episodes {
        let (class, word) = match e.direction {
            Direction::Escalation => ("up", "escalation"),
            Direction::DeEscalation => ("down", "de-escalation"),
        };
        let _ = write!(
            s,
            "<tr><td><span class=\"tag {class}\">{word}</span></td><td class=\"nowrap\">{}</td>\
             <td class=\"nowrap\">{period} of {}</td><td class=\"num\">{:.1}</td><td><ul class=\"evidence\">",
            e.start, e.flagged, e.score
        );
        for t in &e.top {
            s.push_str(&evidence_item(t));
        }
        if e.top.is_empty() {
            s.push_str("<li class=\"muted\">no dated events in the episode's periods</li>");
        }
        s.push_str("</ul></td></tr>\n");
    }
    s.push_str("</tbody></table>\n");
    s
}

fn evidence_item(t: &TopEvent) -> String {
    let article = if t.article.is_empty() {
        String::new()
    } else {
        format!("<span class=\"src\">{}</span>", escape(&t.article))
    };
    format!(
        "<li><span class=\"meta\">{} · cluster {} · {} → {} · CAMEO {} · Goldstein {:+.1}</span>\
         <q>{}</q>{article}</li>",
        escape(&t.date),
        t.id,
        escape(&t.source),
        escape(&t.target),
        escape(&t.cameo),
        t.goldstein,
        escape(&t.evidence)
    )
}

fn self_excitation(body: &DyadBody) -> String {
    let mut s = String::from("<h3>Self-excitation and forecast</h3>\n");
    let (fit, forecasts) = match &body.hawkes {
        Ok(v) => v,
        Err(e) => {
            let _ = writeln!(
                s,
                "<p class=\"muted\">Not estimated: {}.</p>",
                escape(&e.to_string())
            );
            return s;
        }
    };
    let p = fit.params;
    let shape = if p.alpha < 0.05 {
        "no self-excitation detected (events arrive independently)".to_string()
    } else {
        format!("mean delay {:.1} days", 1.0 / p.beta)
    };
    let _ = writeln!(
        s,
        "<p>A self-exciting (Hawkes) model of {} conflict events over {:.0} days: background \
         rate <b>{:.3}</b> per day, branching ratio <b>{:.2}</b> (the share of events triggered \
         by earlier ones), {shape}; likelihood ratio against no self-excitation {:.1}.</p>",
        fit.events,
        fit.horizon,
        p.mu,
        p.alpha,
        fit.likelihood_ratio().max(0.0)
    );
    s.push_str(
        "<table class=\"narrow\"><thead><tr><th>After the last day</th>\
         <th class=\"num\">Expected conflict events</th><th class=\"num\">90% interval</th>\
         </tr></thead><tbody>\n",
    );
    for f in forecasts {
        let _ = writeln!(
            s,
            "<tr><td>next {:.0} days</td><td class=\"num\">{:.1}</td>\
             <td class=\"num\">{} to {}</td></tr>",
            f.days, f.expected, f.low, f.high
        );
    }
    s.push_str("</tbody></table>\n");
    s
}

fn backtest_part(body: &DyadBody) -> String {
    let mut s = String::from("<h3>Backtest of the forecast</h3>\n");
    let set = &body.backtest_settings;
    let bt: &Backtest = match &body.backtest {
        Ok(bt) => bt,
        Err(e) => {
            let _ = writeln!(
                s,
                "<p class=\"muted\">Not run: {}.</p>",
                escape(&e.to_string())
            );
            return s;
        }
    };
    if bt.summaries.iter().all(|x| x.origins == 0) {
        let reasons: Vec<String> = bt.summaries.iter().map(no_origins).collect();
        let _ = writeln!(
            s,
            "<p class=\"muted\">Not enough history to backtest: {}.</p>",
            reasons.join("; ")
        );
        return s;
    }
    let _ = writeln!(
        s,
        "<p class=\"muted\">Rolling origins every {:.0} days once {:.0} days and {} lie \
         before them: the model is fitted to the events before each origin and its forecast \
         compared with what happened, and with two baselines (the history's mean rate; the count \
         of the last days before the origin).</p>",
        set.step,
        set.min_history,
        count(set.min_events as u64, "conflict event")
    );
    s.push_str(
        "<table><thead><tr><th>Horizon</th><th class=\"num\">Origins</th>\
         <th class=\"num\">MAE</th><th class=\"num\">RMSE</th>\
         <th class=\"num\">Coverage of the 90% interval</th><th class=\"num\">Mean width</th>\
         <th class=\"num\">Mean actual</th><th class=\"num\">Poisson MAE</th>\
         <th class=\"num\">Persistence MAE</th></tr></thead><tbody>\n",
    );
    for x in &bt.summaries {
        match &x.scores {
            Some(c) => {
                let _ = writeln!(
                    s,
                    "<tr><td>{:.0} days</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td>\
                     <td class=\"num\">{:.2}</td><td class=\"num\">{:.0}%</td>\
                     <td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td>\
                     <td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td></tr>",
                    x.horizon,
                    x.origins,
                    c.mae,
                    c.rmse,
                    c.coverage * 100.0,
                    c.mean_width,
                    c.mean_actual,
                    c.poisson_mae,
                    c.persistence_mae
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "<tr><td>{:.0} days</td><td class=\"num\">0</td><td colspan=\"7\" \
                     class=\"muted\">{}</td></tr>",
                    x.horizon,
                    no_origins(x)
                );
            }
        }
    }
    s.push_str("</tbody></table>\n");
    s
}

/// Why a horizon has no backtest origins, in words.
fn no_origins(x: &Summary) -> String {
    match &x.shortfall {
        Some(why) => format!("{:.0} days: {}", x.horizon, escape(&why.to_string())),
        None => format!("{:.0} days: no origins", x.horizon),
    }
}

fn alerts_section(r: &Report) -> String {
    let mut s = String::from("<section id=\"alerts\">\n<h2>Red-line alerts</h2>\n");
    let _ = writeln!(
        s,
        "<p class=\"muted\">{} from {} over {}, as <code>redline alerts</code> lists them.</p>",
        count(r.alerts.len() as u64, "alert"),
        count(r.rules as u64, "rule"),
        count(r.alert_events as u64, "real-world event")
    );
    if r.alerts.is_empty() {
        s.push_str("<p>No red-line alerts.</p>\n</section>\n");
        return s;
    }
    for a in &r.alerts {
        let _ = writeln!(
            s,
            "<article class=\"alert\"><h3><code>{}</code> {}</h3>\
             <table><thead><tr><th>Date</th><th class=\"num\">Cluster</th><th>Dyad</th>\
             <th>CAMEO</th><th>Signals</th><th>Evidence</th></tr></thead><tbody>",
            escape(&a.rule),
            escape(&a.title)
        );
        for e in &a.events {
            let _ = writeln!(
                s,
                "<tr><td class=\"nowrap\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"nowrap\">{} → {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e.date,
                e.id,
                escape(&e.source),
                escape(e.target.as_deref().unwrap_or("-")),
                escape(&e.cameo),
                escape(&e.signals.join(", ")),
                escape(&e.evidence)
            );
        }
        s.push_str("</tbody></table></article>\n");
    }
    s.push_str("</section>\n");
    s
}

/// The page's styles: readable on a laptop, printable, no web fonts.
const CSS: &str = r#"
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #222; background: #eef0f2; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 40px; background: #fff; }
h1 { font-size: 1.75em; margin: 0 0 .5em; }
h2 { font-size: 1.4em; margin: 2.2em 0 .4em; padding-bottom: 4px; border-bottom: 2px solid #333; }
h2.toc { font-size: 1.05em; border: 0; margin: 1.4em 0 .3em; }
h3 { font-size: 1.08em; margin: 1.6em 0 .4em; }
nav ul { margin: 0; padding-left: 1.2em; }
nav a { color: #1f5fa8; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 0; }
dl.facts dt { font-weight: 600; color: #555; }
dl.facts dd { margin: 0; }
.lede { margin: .3em 0 .8em; }
.charts { margin: 0 -8px; }
svg.chart { display: block; width: 100%; height: auto; margin: 6px 0 14px; }
svg.chart text { font-size: 12px; fill: #333; }
svg.chart .chart-title { font-size: 14px; font-weight: 600; fill: #111; }
svg.chart .axis-label { font-size: 11.5px; fill: #555; }
svg.chart .tick { font-size: 11px; fill: #555; }
svg.chart .band-label { font-size: 11px; font-weight: 600; }
svg.chart circle:hover { stroke: #000; stroke-width: 2; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: .3em 0 1em; }
table.narrow { width: auto; min-width: 420px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e2e4e6; }
th { background: #f3f4f5; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.tag { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.tag.up { background: #c0392b; }
.tag.down { background: #1e8449; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
ul.evidence li { margin: 0 0 8px; }
ul.evidence .meta { display: block; color: #555; font-size: 12.5px; }
ul.evidence q { display: block; }
.src { display: block; color: #777; font-size: 12px; }
.muted { color: #5c6166; }
.empty { padding: 10px 14px; background: #fff8e1; border-left: 4px solid #e0a800; }
article.alert { border-left: 4px solid #c0392b; padding: 0 0 0 14px; margin: 1.2em 0; }
article.quantity { border-left: 4px solid #aab4be; padding: 0 0 0 14px; margin: 1.2em 0; }
p.flag { background: #fdf2e9; border: 1px solid #e8c9a8; padding: 6px 10px; margin: .5em 0; }
article.alert h3 { margin-top: .4em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
footer { margin-top: 3em; padding-top: 10px; border-top: 1px solid #ddd; color: #666; font-size: 12.5px; }
@media print { body { background: #fff; } main { padding: 0; } section.dyad { break-before: page; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape(r#"<script>alert("x & y's")</script>"#),
            "&lt;script&gt;alert(&quot;x &amp; y&#39;s&quot;)&lt;/script&gt;"
        );
        assert_eq!(escape("Chișinău — plain"), "Chișinău — plain");
    }
}
