//! The claims section of the report: numbers sources assert about the report's actors, grouped by
//! quantity, with the disagreements flagged (as `redline claims` lists them).
//!
//! A group is shown when its subjects include a country of one of the report's dyads, or when
//! sources disagree in it (a disagreement is worth seeing whoever it is about).

use std::fmt::Write as _;

use redline_analysis::claims::{self, ClaimGroup, DisagreementKind};
use redline_store::{ClaimFilter, Store, StoredClaim};

use super::Report;
use super::html::escape;

/// The HTML of the claims section, placed after the red-line alerts: a `<section>` or nothing
/// when the store holds no claims in the report's range.
pub(super) fn claims_section(store: &Store, report: &Report) -> String {
    let filter = ClaimFilter {
        from: report.range.0,
        to: report.range.1,
        ..ClaimFilter::default()
    };
    let Ok((stored, groups)) = redline_views::claims::grouped(store, &filter) else {
        return String::new();
    };
    if stored.is_empty() {
        return String::new();
    }
    let actors: Vec<&str> = report
        .dyads
        .iter()
        .flat_map(|d| [d.a.as_str(), d.b.as_str()])
        .collect();
    let about_actors = |g: &ClaimGroup| {
        g.key
            .subjects
            .split('+')
            .any(|s| !s.is_empty() && actors.iter().any(|a| a.starts_with(s) || s.starts_with(a)))
    };
    let mut shown: Vec<&ClaimGroup> = groups
        .iter()
        .filter(|g| !g.disagreements.is_empty() || about_actors(g))
        .collect();
    // Disagreements first: they are what a reader looks for here.
    shown.sort_by_key(|g| (g.disagreements.is_empty(), g.label.clone()));
    let flagged: usize = groups.iter().map(|g| g.disagreements.len()).sum();
    let mut s = String::from("<section id=\"claims\">\n<h2>Claims</h2>\n");
    let _ = writeln!(
        s,
        "<p class=\"muted\">{} claims about {} quantities in the store, {} disagreements; shown: \
         the quantities about the actors above and every one where sources disagree, as \
         <code>redline claims</code> lists them.</p>",
        stored.len(),
        groups.len(),
        flagged
    );
    if shown.is_empty() {
        s.push_str("<p>No claims about these actors, and no disagreements.</p>\n</section>\n");
        return s;
    }
    for g in shown {
        let _ = writeln!(
            s,
            "<article class=\"{}\"><h3>{}</h3>\
             <table><thead><tr><th>Date</th><th>Figure</th><th>Whose</th><th>Asserted by</th>\
             <th>Evidence</th></tr></thead><tbody>",
            if g.disagreements.is_empty() {
                "quantity"
            } else {
                "alert"
            },
            escape(&g.label)
        );
        for id in &g.claims {
            let Some(c) = stored.iter().find(|c| c.id == *id) else {
                continue;
            };
            s.push_str(&claim_row(c));
        }
        s.push_str("</tbody></table>\n");
        for d in &g.disagreements {
            let what = match d.kind {
                DisagreementKind::Conflict => "Sources disagree",
                DisagreementKind::DifferentMeasures => "Different measures",
            };
            let _ = writeln!(
                s,
                "<p class=\"flag\"><strong>{what}</strong> (#{} and #{}): {}</p>",
                d.high,
                d.low,
                escape(&d.explanation)
            );
        }
        s.push_str("</article>\n");
    }
    s.push_str("</section>\n");
    s
}

fn claim_row(c: &StoredClaim) -> String {
    let r = &c.record;
    let status = r.status();
    let whose: Vec<&str> = r.subjects.iter().map(|p| p.text.as_str()).collect();
    format!(
        "<tr><td class=\"nowrap\">{}</td><td>#{} {} {}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape(r.date.as_deref().unwrap_or("undated")),
        c.id,
        escape(&claims::figure(r)),
        escape(&r.measure),
        if status.is_empty() {
            String::new()
        } else {
            format!(" <em>({})</em>", status.join(", "))
        },
        escape(&whose.join(", ")),
        escape(&redline_views::claims::asserter(c)),
        escape(&r.sentence)
    )
}
