//! PLOVER JSON: one object per cluster, one object per line.
//!
//! PLOVER (the successor ontology to CAMEO used by POLECAT) describes an event by its type
//! (`event`), an optional `mode` and a list of `context`s, with an `actor` and a `recipient`.
//! Each line holds one cluster:
//!
//! ```json
//! {"id":42,"date":"2024-03-05","date_end":"2024-03-05","date_precision":"day",
//!  "event":"AID","mode":null,"context":["military"],"auxiliary_modes":[],
//!  "actor":[{"code":"USAGOV","country":"USA","text":"Washington"}],
//!  "recipient":[{"code":"UKR","country":"UKR","text":"Kyiv"}],
//!  "cameo":"072","cluster_cameo":"072","quad_class":2,"goldstein":7.4,
//!  "polarity":"asserted","modality":"actual","n_mentions":3,"n_articles":2,"n_sources":2,
//!  "first_report":"2024-03-05",
//!  "first":{"event_id":7,"doc_id":"a1","url":"https://...","publisher":"Reuters",
//!           "title":"...","published":"2024-03-05","sentence":"..."}}
//! ```
//!
//! - `event`, `mode`: the PLOVER event and mode of the first report's CAMEO code (`cameo`);
//!   `event` is null when PLOVER has no event for the code. `cluster_cameo` is the code most of
//!   the cluster's reports carry (same root; it can refine or generalise `cameo`).
//! - `actor`, `recipient`: lists, as in PLOVER, of the first report's source and target (the
//!   recipient list is empty when the event has no target).
//! - `context`: only contexts the code or the escalation signals state outright, see
//!   [`contexts`]. Topic contexts that need reading the article (economic, human_rights, ...) are
//!   left out rather than guessed.
//! - `auxiliary_modes`: PLOVER's draft auxiliary modes, which no coder filled until now and which
//!   Redline codes: `negation` (negated), `future`, `hypothetical` (hypothetical or conditional)
//!   and `historical` (the first report recalls history as background).
//! - `date`, `date_end`, `date_precision`, the counts and `first_report`: the cluster's.

use serde::Serialize;

use redline_model::Participant;
use redline_store::StoredCluster;

/// CAMEO codes whose definition names their domain, with the PLOVER contexts that domain is;
/// the longest matching prefix wins. Written from the CAMEO code names ("Provide military aid",
/// "Express intent to cooperate on intelligence", "Use weapons of mass destruction").
const CODE_CONTEXTS: &[(&str, &[&str])] = &[
    ("0212", &["military"]),
    ("0214", &["intelligence"]),
    ("0232", &["military"]),
    ("0234", &["peacekeeping"]),
    ("0256", &["military"]),
    ("0312", &["military"]),
    ("0314", &["intelligence"]),
    ("0332", &["military"]),
    ("0334", &["peacekeeping"]),
    ("0356", &["military"]),
    ("062", &["military"]),
    ("064", &["intelligence"]),
    ("072", &["military"]),
    ("074", &["peacekeeping"]),
    ("0861", &["peacekeeping"]),
    ("087", &["military"]),
    ("093", &["military"]),
    ("1012", &["military"]),
    ("1014", &["intelligence"]),
    ("1032", &["military"]),
    ("1034", &["peacekeeping"]),
    ("1056", &["military"]),
    ("1212", &["military"]),
    ("1222", &["military"]),
    ("1224", &["peacekeeping"]),
    ("1246", &["military"]),
    ("138", &["military"]),
    ("1385", &["cbrn"]),
    ("152", &["military"]),
    ("154", &["military"]),
    ("1622", &["military"]),
    ("1661", &["peacekeeping"]),
    ("19", &["military"]),
    ("204", &["cbrn"]),
];

/// Escalation signals (the dictionary's `signal=` tags) and the contexts they state.
const SIGNAL_CONTEXTS: &[(&str, &[&str])] = &[
    ("strike_authorization", &["military"]),
    ("weapons_delivery", &["military"]),
    ("weapons_restriction_lifted", &["military"]),
    ("weapons_restriction_imposed", &["military"]),
    ("troop_deployment", &["military"]),
    ("mobilization", &["military"]),
    ("nuclear_exercise", &["military", "cbrn"]),
    ("nuclear_alert", &["military", "cbrn"]),
];

/// The PLOVER contexts a CAMEO code and escalation signals state outright, without duplicates:
/// `military`, `intelligence`, `peacekeeping` and `cbrn` for codes whose CAMEO definition names
/// them (all of root 19, "Fight", is military; 204 "Use weapons of mass destruction" is cbrn),
/// and `military` (plus `cbrn` for nuclear ones) for the weapons, troop and nuclear signals.
/// Codes of other domains give no context.
pub fn contexts(cameo: &str, signals: &[String]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    let by_code = CODE_CONTEXTS
        .iter()
        .filter(|(prefix, _)| cameo.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, c)| *c)
        .unwrap_or(&[]);
    let by_signal = signals.iter().flat_map(|s| {
        SIGNAL_CONTEXTS
            .iter()
            .filter(move |(name, _)| name == s)
            .flat_map(|(_, c)| c.iter())
    });
    for c in by_code.iter().chain(by_signal) {
        if !out.contains(c) {
            out.push(c);
        }
    }
    out
}

/// PLOVER's auxiliary modes for a polarity, modality (as stored: `negated`, `future`, ...) and
/// background flag.
fn auxiliary_modes(polarity: &str, modality: &str, background: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if polarity == "negated" {
        out.push("negation");
    }
    match modality {
        "future" => out.push("future"),
        "hypothetical" | "conditional" => out.push("hypothetical"),
        _ => {}
    }
    if background {
        out.push("historical");
    }
    out
}

#[derive(Serialize)]
struct Actor<'a> {
    code: &'a str,
    country: Option<&'a str>,
    text: &'a str,
}

impl<'a> From<&'a Participant> for Actor<'a> {
    fn from(p: &'a Participant) -> Self {
        Actor {
            code: &p.code,
            country: p.country.as_deref(),
            text: &p.text,
        }
    }
}

#[derive(Serialize)]
struct FirstReport<'a> {
    event_id: i64,
    doc_id: &'a str,
    url: Option<&'a str>,
    publisher: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    sentence: &'a str,
}

/// One PLOVER line.
#[derive(Serialize)]
pub(crate) struct Record<'a> {
    id: i64,
    date: Option<&'a str>,
    date_end: Option<&'a str>,
    date_precision: &'a str,
    event: Option<&'a str>,
    mode: Option<&'a str>,
    context: Vec<&'static str>,
    auxiliary_modes: Vec<&'static str>,
    actor: Vec<Actor<'a>>,
    recipient: Vec<Actor<'a>>,
    cameo: &'a str,
    cluster_cameo: &'a str,
    quad_class: u8,
    goldstein: f32,
    polarity: &'a str,
    modality: &'a str,
    n_mentions: i64,
    n_articles: i64,
    n_sources: i64,
    first_report: Option<&'a str>,
    first: FirstReport<'a>,
}

impl<'a> Record<'a> {
    /// The PLOVER record of a cluster.
    pub(crate) fn of(c: &'a StoredCluster) -> Self {
        let f = &c.first;
        let r = &f.record;
        Record {
            id: c.id,
            date: c.date_start.as_deref().or(r.date.as_deref()),
            date_end: c.date_end.as_deref().or(f.date_end.as_deref()),
            date_precision: &c.date_precision,
            event: r.plover.event.as_deref(),
            mode: r.plover.mode.as_deref(),
            context: contexts(&r.cameo, &r.signals),
            auxiliary_modes: auxiliary_modes(&c.polarity, &c.modality, f.background),
            actor: vec![Actor::from(&r.source)],
            recipient: r.target.iter().map(Actor::from).collect(),
            cameo: &r.cameo,
            cluster_cameo: &c.cameo,
            quad_class: r.quad_class,
            goldstein: r.goldstein,
            polarity: &c.polarity,
            modality: &c.modality,
            n_mentions: c.n_mentions,
            n_articles: c.n_articles,
            n_sources: c.n_sources,
            first_report: c.first_report.as_deref(),
            first: FirstReport {
                event_id: f.id,
                doc_id: &r.doc_id,
                url: f.url.as_deref(),
                publisher: f.publisher.as_deref(),
                title: f.title.as_deref(),
                published: r.published.as_deref(),
                sentence: &r.sentence,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_come_from_named_domains_and_signals() {
        assert_eq!(contexts("193", &[]), ["military"]);
        assert_eq!(contexts("1385", &[]), ["cbrn"]);
        assert_eq!(contexts("1384", &[]), ["military"]);
        assert_eq!(contexts("2042", &[]), ["cbrn"]);
        assert_eq!(contexts("0314", &[]), ["intelligence"]);
        assert!(contexts("042", &[]).is_empty());
        assert!(contexts("0331", &[]).is_empty());
        assert_eq!(
            contexts("042", &["nuclear_alert".into(), "red_line".into()]),
            ["military", "cbrn"]
        );
        assert_eq!(contexts("072", &["weapons_delivery".into()]), ["military"]);
    }

    #[test]
    fn auxiliary_modes_follow_polarity_modality_and_background() {
        assert!(auxiliary_modes("asserted", "actual", false).is_empty());
        assert_eq!(
            auxiliary_modes("negated", "conditional", true),
            ["negation", "hypothetical", "historical"]
        );
        assert_eq!(auxiliary_modes("asserted", "future", false), ["future"]);
    }
}
