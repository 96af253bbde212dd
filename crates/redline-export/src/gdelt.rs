//! GDELT 2.0 Events and Mentions TSV.
//!
//! Both tables are tab separated, one record per line, with no header line (GDELT's files have
//! none; [`ExportOptions::header`](crate::ExportOptions::header) adds one with the column names).
//! Tabs and line breaks inside values are written as spaces. A column we have no value for is
//! empty.
//!
//! # Events: one row per cluster
//!
//! A GDELT event is a real-world event, so a row is a cluster: `GLOBALEVENTID` is the cluster id
//! and `NumMentions`, `NumSources`, `NumArticles` are the cluster's counts. The dates are the
//! cluster's first day (`date_start`, or the first report's date when the cluster has none).
//! Actors, codes, Goldstein value and `SOURCEURL` come from the cluster's first report, so that
//! a row describes one coded sentence consistently (the cluster's majority code, which can refine
//! or generalise the first report's code within the same root, is in the JSON Lines, CSV and
//! PLOVER exports).
//!
//! - `SQLDATE` `YYYYMMDD`, `MonthYear` `YYYYMM`, `Year` `YYYY`. Month and year dates are written
//!   as the first day of their period, as stored; the other formats carry the precision. Empty
//!   when undated.
//! - `FractionDate`: `YYYY.FFFF` with `FFFF = ((month - 1) * 30 + day) / 365`. The codebook
//!   writes the numerator as `MONTH * 30 + DAY`, but GDELT's own files count months from zero
//!   (1 January 1979 is `1979.0027`), which also keeps the fraction below 1 as the codebook
//!   promises; we do the same.
//! - `Actor1Code`: the full actor code. `Actor1Name`: the mention's text upper-cased, GDELT style
//!   (`RUSSIAN TROOPS`); GDELT writes a canonical name, we write what the article said.
//! - `Actor1CountryCode`: the actor's country as coded (`IMGISK` has `AFG`), else the code's
//!   first block when it is a country, else the first block when it is a CAMEO region code
//!   (`EUR`, `MEA`): CAMEO treats regions as geographic codes, like countries.
//! - `Actor1KnownGroupCode`: the organisation's own three-letter code: the last block of the code
//!   that is neither the first (country, region or international class) block nor a role
//!   (`IGONAT` -> `NAT`, `NGOHRIAMN` -> `AMN`, `PSEREBHMS` -> `HMS`). Empty when there is none.
//! - `Actor1Type1Code` .. `Type3Code`: the role blocks after the first block, in order
//!   (`PSEREBHMS` -> `REB`). For international codes the class block itself comes first, as in
//!   GDELT (`IGONAT` -> `IGO`; `NGOHRIAMN` -> `NGO`, `HRI`).
//! - Ethnic and religion codes: empty (the coder does not separate them from other blocks).
//! - `IsRootEvent`: 1 when the first report is the article's first sentence, else 0.
//! - `EventCode`, `EventBaseCode` (first three characters, or the code when shorter),
//!   `EventRootCode`, `QuadClass`, `GoldsteinScale` (one decimal).
//! - `AvgTone` and every `Geo` field: empty (Redline computes no tone and no geography).
//! - `DATEADDED`: the first report's `ingested_at` as UTC `YYYYMMDDHHMMSS`.
//! - `SOURCEURL`: the first report's URL, else its document id (a path or JSON Lines id).
//!
//! # Mentions: one row per report
//!
//! Each stored report is one evidence sentence, so each gives one mention row.
//!
//! - `GLOBALEVENTID`: the report's cluster id (empty if it has none).
//! - `EventTimeDate`: DATEADDED of the cluster (its first report's `ingested_at`) when the
//!   caller supplies it ([`EventWriter::write_in_cluster`](crate::EventWriter::write_in_cluster)),
//!   else the report's own `ingested_at`.
//! - `MentionTimeDate`: the report's `ingested_at` as `YYYYMMDDHHMMSS`.
//! - `MentionType`: 1 (WEB) when the article has a URL; 2 (CITATIONONLY) otherwise, with the
//!   document id (a file path or feed id) as the citation. We never write 6 (NONTEXTUALSOURCE):
//!   it means captions of a video, not a local file.
//! - `MentionSourceName`: the publisher, else the URL's host without `www.` (GDELT's usual
//!   value), else empty.
//! - `MentionIdentifier`: the URL, else the document id.
//! - `SentenceID`: the sentence's position in the article, counting from 1.
//! - `Actor1CharOffset`, `Actor2CharOffset`, `ActionCharOffset`: where the source mention, the
//!   target mention and the verb trigger start, in **bytes** into the cleaned article text (the
//!   offsets every Redline span uses); GDELT counts characters, so the two agree on ASCII text.
//!   -1 when there is no target, as GDELT writes a missing offset.
//! - `InRawText`: 1 (the coder reads the article text itself, never a rewrite).
//! - `Confidence`: see [`mention_confidence`]: 100 for an asserted actual event, lower for events
//!   reported as future, hypothetical, conditional or negated, since GDELT has no column for
//!   them and its users filter on confidence.
//! - `MentionDocLen`: the length of the cleaned text in bytes.
//! - `MentionDocTone`, `MentionDocTranslationInfo`: empty.
//! - `Extras`: `key=value` pairs joined with `;`: `event` (the report's id), `cameo` (the
//!   report's own code), `polarity`, `modality`, `background` (1 when the report recalls past
//!   history), `rule` (the pattern that fired).

use std::fmt::{Display, Write as _};

use redline_model::{ActorCode, Modality, Participant, Polarity};
use redline_store::{StoredCluster, StoredEvent};

use crate::text::{compact_timestamp, parse_day, tsv_clean, url_host};

/// The 61 columns of a GDELT 2.0 Events record, in file order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of a GDELT 2.0 Mentions record, in file order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// First blocks of CAMEO's international and transnational classes (IGO, NGO, ...): they go to
/// a Type column, and the organisation's own block after them is its known group code.
const INTERNATIONAL_CLASSES: &[&str] = &["IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"];

/// CAMEO's region codes, written as the country code of an actor without a country.
const REGIONS: &[&str] = &[
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF",
];

/// Blocks that are roles (GDELT's Type codes): CAMEO's primary, secondary and tertiary role
/// codes, PLOVER's sector codes, and the international classes when they follow a country
/// (`USANGO`, an American NGO).
const ROLES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM",
    "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD",
    "PRM", "PTY", "UNK", "JRN", "SOC", "PRE", "REL", "IGO", "IMG", "INT", "MNC", "NGM", "NGO",
    "UIS",
];

/// An actor code broken into GDELT's columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ActorFields<'a> {
    /// `ActorNCountryCode`.
    pub country: Option<&'a str>,
    /// `ActorNKnownGroupCode`.
    pub known_group: Option<&'a str>,
    /// `ActorNType1Code` .. `Type3Code` (at most three).
    pub types: Vec<&'a str>,
}

/// Splits a participant's code into GDELT's actor columns (see the module documentation).
pub(crate) fn actor_fields(p: &Participant) -> ActorFields<'_> {
    let mut out = ActorFields {
        country: p.country.as_deref().filter(|c| !c.is_empty()),
        ..ActorFields::default()
    };
    let code = p.code.as_str();
    let Ok(parsed) = ActorCode::try_from(code) else {
        // Not a well-formed code: only the coded country is known.
        return out;
    };
    let first = &code[..3];
    if parsed.country().is_some() {
        out.country.get_or_insert(first);
    } else if INTERNATIONAL_CLASSES.contains(&first) {
        out.types.push(first);
    } else if REGIONS.contains(&first) {
        out.country.get_or_insert(first);
    }
    for i in (3..code.len()).step_by(3) {
        let block = &code[i..i + 3];
        if ROLES.contains(&block) {
            if out.types.len() < 3 {
                out.types.push(block);
            }
        } else {
            out.known_group = Some(block);
        }
    }
    out
}

/// GDELT's `Confidence` for a mention: 100 for an asserted actual event; 50 for an asserted
/// future one (announced, expected); 25 for hypothetical or conditional ones; 10 for a negated
/// event whatever its modality ("did not send": the report says it did not happen).
pub fn mention_confidence(polarity: Polarity, modality: Modality) -> u8 {
    match (polarity, modality) {
        (Polarity::Negated, _) => 10,
        (Polarity::Asserted, Modality::Actual) => 100,
        (Polarity::Asserted, Modality::Future) => 50,
        (Polarity::Asserted, Modality::Hypothetical | Modality::Conditional) => 25,
    }
}

/// Builds one TSV line field by field.
struct Line<'a> {
    out: &'a mut String,
    fields: usize,
}

impl<'a> Line<'a> {
    fn new(out: &'a mut String) -> Self {
        Line { out, fields: 0 }
    }

    fn next(&mut self) {
        if self.fields > 0 {
            self.out.push('\t');
        }
        self.fields += 1;
    }

    fn text(&mut self, s: &str) {
        self.next();
        self.out.push_str(&tsv_clean(s));
    }

    fn opt_text(&mut self, s: Option<&str>) {
        self.text(s.unwrap_or(""));
    }

    fn num(&mut self, v: impl Display) {
        self.next();
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{v}");
    }

    fn empty(&mut self, n: usize) {
        for _ in 0..n {
            self.next();
        }
    }

    fn end(self, expected: usize) {
        debug_assert_eq!(self.fields, expected, "wrong number of TSV fields");
        self.out.push('\n');
    }
}

/// Appends the header line of a table.
pub(crate) fn header_line(out: &mut String, columns: &[&str]) {
    let mut line = Line::new(out);
    for c in columns {
        line.text(c);
    }
    line.end(columns.len());
}

fn actor_columns(line: &mut Line<'_>, p: Option<&Participant>) {
    let Some(p) = p else {
        line.empty(10);
        return;
    };
    let f = actor_fields(p);
    line.text(&p.code);
    line.text(&p.text.to_uppercase());
    line.opt_text(f.country);
    line.opt_text(f.known_group);
    line.empty(3); // ethnic, religion 1 and 2
    for i in 0..3 {
        line.opt_text(f.types.get(i).copied());
    }
}

/// Appends the GDELT Events line of a cluster.
pub(crate) fn event_line(out: &mut String, c: &StoredCluster) {
    let first = &c.first;
    let r = &first.record;
    let day = c
        .date_start
        .as_deref()
        .and_then(parse_day)
        .or_else(|| r.date.as_deref().and_then(parse_day));
    let mut line = Line::new(out);
    line.num(c.id);
    match day {
        Some(d) => {
            use chrono::Datelike;
            let (y, m, dd) = (d.year(), d.month(), d.day());
            line.num(format_args!("{y:04}{m:02}{dd:02}"));
            line.num(format_args!("{y:04}{m:02}"));
            line.num(format_args!("{y:04}"));
            let fraction = f64::from((m - 1) * 30 + dd) / 365.0;
            line.num(format_args!("{:.4}", f64::from(y) + fraction));
        }
        None => line.empty(4),
    }
    actor_columns(&mut line, Some(&r.source));
    actor_columns(&mut line, r.target.as_ref());
    line.num(u8::from(r.sentence_index == 0));
    line.text(&r.cameo);
    line.text(r.cameo.get(..3).unwrap_or(&r.cameo));
    line.text(&r.root);
    line.num(r.quad_class);
    line.num(format_args!("{:.1}", r.goldstein));
    line.num(c.n_mentions);
    line.num(c.n_sources);
    line.num(c.n_articles);
    line.empty(1); // AvgTone
    line.empty(3 * 8); // Actor1Geo_*, Actor2Geo_*, ActionGeo_*
    line.opt_text(compact_timestamp(&first.ingested_at).as_deref());
    line.text(first.url.as_deref().unwrap_or(&r.doc_id));
    line.end(GDELT_EVENT_COLUMNS.len());
}

/// Appends the GDELT Mentions line of a report. `cluster_added` is the `ingested_at` of the
/// cluster's first report, when known.
pub(crate) fn mention_line(out: &mut String, e: &StoredEvent, cluster_added: Option<&str>) {
    let r = &e.record;
    let mention_time = compact_timestamp(&e.ingested_at);
    let event_time = cluster_added
        .and_then(compact_timestamp)
        .or_else(|| mention_time.clone());
    let mut line = Line::new(out);
    match e.cluster_id {
        Some(id) => line.num(id),
        None => line.empty(1),
    }
    line.opt_text(event_time.as_deref());
    line.opt_text(mention_time.as_deref());
    let url = e.url.as_deref().filter(|u| !u.trim().is_empty());
    line.num(if url.is_some() { 1 } else { 2 });
    let source_name = e
        .publisher
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .or_else(|| url.and_then(url_host));
    line.opt_text(source_name);
    line.text(url.unwrap_or(&r.doc_id));
    line.num(r.sentence_index + 1);
    line.num(r.source.span[0]);
    match &r.target {
        Some(t) => line.num(t.span[0]),
        None => line.num(-1),
    }
    line.num(r.evidence.trigger[0]);
    line.num(1);
    line.num(mention_confidence(r.polarity, r.modality));
    line.num(e.doc_bytes);
    line.empty(2); // MentionDocTone, MentionDocTranslationInfo
    let extras = format!(
        "event={};cameo={};polarity={};modality={};background={};rule={}",
        e.id,
        r.cameo,
        r.polarity.as_str(),
        r.modality.as_str(),
        u8::from(e.background),
        r.rule.replace(';', ",")
    );
    line.text(&extras);
    line.end(GDELT_MENTION_COLUMNS.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn participant(code: &str, country: Option<&str>) -> Participant {
        Participant {
            code: code.into(),
            country: country.map(Into::into),
            text: "x".into(),
            span: [0, 1],
            rule: vec![],
        }
    }

    fn fields(code: &str, country: Option<&str>) -> (Option<String>, Option<String>, Vec<String>) {
        let p = participant(code, country);
        let f = actor_fields(&p);
        (
            f.country.map(Into::into),
            f.known_group.map(Into::into),
            f.types.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn actor_codes_split_into_gdelt_columns() {
        let s = |v: &str| Some(v.to_string());
        let v = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(fields("RUS", Some("RUS")), (s("RUS"), None, v(&[])));
        assert_eq!(fields("RUSMIL", None), (s("RUS"), None, v(&["MIL"])));
        assert_eq!(
            fields("USAGOVLEG", Some("USA")),
            (s("USA"), None, v(&["GOV", "LEG"]))
        );
        assert_eq!(fields("IGONAT", None), (None, s("NAT"), v(&["IGO"])));
        assert_eq!(
            fields("NGOHRIAMN", None),
            (None, s("AMN"), v(&["NGO", "HRI"]))
        );
        assert_eq!(
            fields("PSEREBHMS", Some("PSE")),
            (s("PSE"), s("HMS"), v(&["REB"]))
        );
        assert_eq!(
            fields("IMGISK", Some("AFG")),
            (s("AFG"), s("ISK"), v(&["IMG"]))
        );
        assert_eq!(fields("EURGOV", None), (s("EUR"), None, v(&["GOV"])));
        assert_eq!(fields("bad", Some("UKR")), (s("UKR"), None, v(&[])));
    }

    #[test]
    fn confidence_falls_with_doubt() {
        let actual = mention_confidence(Polarity::Asserted, Modality::Actual);
        let future = mention_confidence(Polarity::Asserted, Modality::Future);
        let maybe = mention_confidence(Polarity::Asserted, Modality::Hypothetical);
        let not = mention_confidence(Polarity::Negated, Modality::Actual);
        assert!(actual == 100 && actual > future && future > maybe && maybe > not);
    }
}
