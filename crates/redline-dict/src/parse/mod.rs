//! The `.rld` line format: one entry per line, so a malformed line is reported with its location
//! and every other line still loads. The format is specified in `dict/README.md`.

mod pattern;

use chrono::NaiveDate;
use redline_model::{ActorCode, CameoCode};

use crate::entry::{
    ActorEntry, ActorType, AgentEntry, ClassEntry, FileKind, IrregularEntry, Location, PersonEntry,
    Phrase, Role, VerbEntry,
};
use crate::problem::Problem;

pub use pattern::parse_pattern;

/// Everything one file contributed.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The declared kind, if the file declared one.
    pub kind: Option<FileKind>,
    /// Actor entries (kind `actors`).
    pub actors: Vec<ActorEntry>,
    /// People (kind `people`).
    pub people: Vec<PersonEntry>,
    /// Agents (kind `agents`).
    pub agents: Vec<AgentEntry>,
    /// Word classes (kind `classes`).
    pub classes: Vec<ClassEntry>,
    /// Verb entries (kind `verbs`).
    pub verbs: Vec<VerbEntry>,
    /// Irregular verbs (kind `irregular`).
    pub irregular: Vec<IrregularEntry>,
    /// Problems found, each with its location.
    pub problems: Vec<Problem>,
}

/// The longest line accepted; longer lines are reported, not parsed, so that absurd input stays
/// cheap.
const MAX_LINE: usize = 64 * 1024;

/// Parses one file. `file` is the name used in locations.
pub fn parse_file(file: &str, text: &str) -> ParsedFile {
    let mut out = ParsedFile::default();
    let mut actor_type: Option<ActorType> = None;
    for (i, raw) in text.lines().enumerate() {
        let location = Location {
            file: file.to_string(),
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        let mut report = |message: String| {
            out.problems.push(Problem {
                location: location.clone(),
                message,
            })
        };
        if raw.len() > MAX_LINE {
            report(format!("line is longer than {MAX_LINE} bytes"));
            continue;
        }
        let line = strip_comment(raw.strip_prefix('\u{feff}').unwrap_or(raw)).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(directive) = line.strip_prefix('%') {
            let mut parts = directive.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some("kind"), Some(k), None) => match parse_kind(k) {
                    Some(kind) if out.kind.is_none() => out.kind = Some(kind),
                    Some(_) => report("a file declares `%kind` only once".into()),
                    None => report(format!(
                        "unknown kind `{k}` (expected actors, people, agents, classes, verbs or irregular)"
                    )),
                },
                (Some("type"), Some(t), None) => match parse_actor_type(t) {
                    Some(ty) if out.kind == Some(FileKind::Actors) => actor_type = Some(ty),
                    Some(_) => report("`%type` is only allowed in actors files".into()),
                    None => report(format!(
                        "unknown actor type `{t}` (expected country, seat, institution, igo, group, media or place)"
                    )),
                },
                _ => report(format!("unknown or malformed directive `%{directive}`")),
            }
            continue;
        }
        let Some(kind) = out.kind else {
            report("entry before the `%kind` directive".into());
            continue;
        };
        let entry = match split_entry(line) {
            Ok(e) => e,
            Err(message) => {
                report(message);
                continue;
            }
        };
        if !valid_id(entry.id) {
            report(format!(
                "bad id `{}`: use lowercase ASCII letters, digits, `.`, `-` and `_`",
                entry.id
            ));
            continue;
        }
        if !kind.id_prefixes().iter().any(|p| entry.id.starts_with(p)) {
            report(format!(
                "id `{}` must start with one of {:?} in a {:?} file",
                entry.id,
                kind.id_prefixes(),
                kind
            ));
            continue;
        }
        let result = match kind {
            FileKind::Actors => {
                parse_actor(&entry, actor_type, location.clone()).map(|e| out.actors.push(e))
            }
            FileKind::People => parse_person(&entry, location.clone()).map(|e| out.people.push(e)),
            FileKind::Agents => parse_agent(&entry, location.clone()).map(|e| out.agents.push(e)),
            FileKind::Classes => parse_class(&entry, location.clone()).map(|e| out.classes.push(e)),
            FileKind::Verbs => parse_verb(&entry, location.clone()).map(|e| out.verbs.push(e)),
            FileKind::Irregular => {
                parse_irregular(&entry, location.clone()).map(|e| out.irregular.push(e))
            }
        };
        if let Err(message) = result {
            report(format!("{}: {message}", entry.id));
        }
    }
    out
}

/// Removes a `#` comment. A `#` inside a phrase is not expected, so any `#` starts a comment.
fn strip_comment(line: &str) -> &str {
    line.find('#').map_or(line, |i| &line[..i])
}

fn parse_kind(s: &str) -> Option<FileKind> {
    Some(match s {
        "actors" => FileKind::Actors,
        "people" => FileKind::People,
        "agents" => FileKind::Agents,
        "classes" => FileKind::Classes,
        "verbs" => FileKind::Verbs,
        "irregular" => FileKind::Irregular,
        _ => return None,
    })
}

fn parse_actor_type(s: &str) -> Option<ActorType> {
    Some(match s {
        "country" => ActorType::Country,
        "seat" => ActorType::Seat,
        "institution" => ActorType::Institution,
        "igo" => ActorType::Igo,
        "group" => ActorType::Group,
        "media" => ActorType::Media,
        "place" => ActorType::Place,
        _ => return None,
    })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// An entry line split into its fields.
struct RawEntry<'a> {
    id: &'a str,
    code: &'a str,
    body: &'a str,
    attributes: Vec<(&'a str, &'a str)>,
}

fn split_entry(line: &str) -> Result<RawEntry<'_>, String> {
    let mut segments = line.split(" ; ");
    let head = segments.next().unwrap_or_default().trim();
    let (id, rest) = head
        .split_once(char::is_whitespace)
        .ok_or_else(|| format!("expected `ID CODE BODY`, found `{head}`"))?;
    let rest = rest.trim_start();
    let (code, body) = rest
        .split_once(char::is_whitespace)
        .map(|(c, b)| (c, b.trim()))
        .unwrap_or((rest, ""));
    let mut attributes = Vec::new();
    for seg in segments {
        let seg = seg.trim();
        let (k, v) = seg
            .split_once('=')
            .ok_or_else(|| format!("{id}: attribute `{seg}` is not `key=value`"))?;
        attributes.push((k.trim(), v.trim()));
    }
    Ok(RawEntry {
        id,
        code,
        body,
        attributes,
    })
}

/// Splits a body into phrases, checking each.
fn phrases(body: &str, allow_adjective: bool) -> Result<Vec<Phrase>, String> {
    if body.is_empty() {
        return Err("the body has no phrases".into());
    }
    body.split('|')
        .map(|p| {
            let p = p.trim();
            let (text, adjective) = match p.strip_prefix("a:") {
                Some(rest) if allow_adjective => (rest.trim(), true),
                Some(_) => return Err(format!("`{p}`: adjectives (`a:`) are only for actors")),
                None => (p, false),
            };
            if text.is_empty() {
                return Err("empty phrase (check the `|` separators)".into());
            }
            if text.split(' ').any(str::is_empty) {
                return Err(format!("phrase `{text}` has repeated spaces"));
            }
            if text.eq_ignore_ascii_case("the") || text.to_lowercase().starts_with("the ") {
                return Err(format!(
                    "phrase `{text}` starts with `the`: leading articles are never written"
                ));
            }
            Ok(Phrase {
                text: text.to_string(),
                adjective,
            })
        })
        .collect()
}

fn actor_code(code: &str) -> Result<ActorCode, String> {
    ActorCode::try_from(code).map_err(|e| e.to_string())
}

fn only_attributes(entry: &RawEntry<'_>, allowed: &[&str]) -> Result<(), String> {
    for (k, _) in &entry.attributes {
        if !allowed.contains(k) {
            return Err(format!("unknown attribute `{k}` (allowed: {allowed:?})"));
        }
    }
    Ok(())
}

fn parse_actor(
    entry: &RawEntry<'_>,
    actor_type: Option<ActorType>,
    location: Location,
) -> Result<ActorEntry, String> {
    only_attributes(entry, &["country", "note"])?;
    let actor_type = actor_type.ok_or("actors entries need a `%type` directive above them")?;
    let country = entry
        .attributes
        .iter()
        .find(|(k, _)| *k == "country")
        .map(|(_, v)| v.to_string());
    if let Some(c) = &country
        && (c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(format!("country `{c}` is not a three-letter code"));
    }
    Ok(ActorEntry {
        id: entry.id.to_string(),
        code: actor_code(entry.code)?,
        actor_type,
        phrases: phrases(entry.body, true)?,
        country,
        location,
    })
}

fn parse_person(entry: &RawEntry<'_>, location: Location) -> Result<PersonEntry, String> {
    only_attributes(entry, &["role", "note"])?;
    let mut roles = Vec::new();
    for (_, value) in entry.attributes.iter().filter(|(k, _)| *k == "role") {
        roles.push(parse_role(value)?);
    }
    for (i, a) in roles.iter().enumerate() {
        for b in &roles[i + 1..] {
            if overlaps(a, b) {
                return Err(format!(
                    "roles `{} {}` and `{} {}` overlap",
                    a.code, a.title, b.code, b.title
                ));
            }
        }
    }
    Ok(PersonEntry {
        id: entry.id.to_string(),
        fallback: actor_code(entry.code)?,
        phrases: phrases(entry.body, false)?,
        roles,
        location,
    })
}

fn overlaps(a: &Role, b: &Role) -> bool {
    let starts_before_end = |x: &Role, y: &Role| match (x.from, y.to) {
        (Some(f), Some(t)) => f < t,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

/// `CODE FROM..TO [title]`.
fn parse_role(value: &str) -> Result<Role, String> {
    let mut parts = value.splitn(3, char::is_whitespace);
    let code = actor_code(parts.next().unwrap_or_default())?;
    let range = parts
        .next()
        .ok_or_else(|| format!("role `{value}` has no `FROM..TO` range"))?;
    let (from, to) = range
        .split_once("..")
        .ok_or_else(|| format!("role range `{range}` is not `FROM..TO`"))?;
    let from = parse_bound(from, false)?;
    let to = parse_bound(to, true)?;
    if let (Some(f), Some(t)) = (from, to)
        && f >= t
    {
        return Err(format!("role range `{range}` ends before it starts"));
    }
    Ok(Role {
        code,
        from,
        to,
        title: parts.next().unwrap_or_default().trim().to_string(),
    })
}

/// A range bound: empty (open), `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A start bound is the first
/// day of its period; an end bound (exclusive) is the day after its period, so `2000..2008`
/// covers 2000 through 2008.
fn parse_bound(s: &str, end: bool) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || format!("`{s}` is not YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let date = match parts.as_slice() {
        [y] => {
            let y = num(y)? as i32;
            if end {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            if end {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).and(NaiveDate::from_ymd_opt(ny, nm, 1))
            } else {
                NaiveDate::from_ymd_opt(y, m, 1)
            }
        }
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        _ => None,
    };
    match date {
        Some(d) if (1900..=2100).contains(&chrono::Datelike::year(&d)) => Ok(Some(d)),
        _ => Err(bad()),
    }
}

fn parse_agent(entry: &RawEntry<'_>, location: Location) -> Result<AgentEntry, String> {
    only_attributes(entry, &["note"])?;
    let role = entry.code;
    if role.len() != 3 || !role.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("role `{role}` is not a three-letter role code"));
    }
    Ok(AgentEntry {
        id: entry.id.to_string(),
        role: role.to_string(),
        phrases: phrases(entry.body, false)?,
        location,
    })
}

fn parse_class(entry: &RawEntry<'_>, location: Location) -> Result<ClassEntry, String> {
    only_attributes(entry, &["note"])?;
    let name = entry.code;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(format!(
            "class name `{name}` must be lowercase letters and `_`"
        ));
    }
    Ok(ClassEntry {
        id: entry.id.to_string(),
        name: name.to_string(),
        phrases: phrases(entry.body, false)?,
        location,
    })
}

fn parse_irregular(entry: &RawEntry<'_>, location: Location) -> Result<IrregularEntry, String> {
    only_attributes(entry, &["note"])?;
    if entry.code != "-" {
        return Err(format!(
            "the code column of an irregular verb is `-`, found `{}`",
            entry.code
        ));
    }
    let forms: Vec<&str> = entry.body.split_whitespace().collect();
    if !(3..=5).contains(&forms.len()) {
        return Err("expected `lemma past participle [third-person] [gerund]`".into());
    }
    if let Some(f) = forms
        .iter()
        .find(|f| !f.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
    {
        return Err(format!("form `{f}` must be lowercase letters"));
    }
    Ok(IrregularEntry {
        id: entry.id.to_string(),
        lemma: forms[0].to_string(),
        past: forms[1].to_string(),
        participle: forms[2].to_string(),
        third: forms.get(3).map(|s| s.to_string()),
        gerund: forms.get(4).map(|s| s.to_string()),
        location,
    })
}

fn parse_verb(entry: &RawEntry<'_>, location: Location) -> Result<VerbEntry, String> {
    only_attributes(entry, &["signal", "note"])?;
    let cameo = CameoCode::try_from(entry.code).map_err(|e| e.to_string())?;
    if entry.body.is_empty() {
        return Err("the body has no patterns".into());
    }
    let mut patterns = Vec::new();
    for p in entry.body.split('|') {
        let p = p.trim();
        // A head with alternatives (`deliver/supply {weapon} to $`) is one pattern per head.
        let (head, rest) = p.split_once(' ').unwrap_or((p, ""));
        let (tilde, head) = head.strip_prefix('~').map_or(("", head), |h| ("~", h));
        if head.contains('/') {
            for alt in head.split('/') {
                let text = if rest.is_empty() {
                    format!("{tilde}{alt}")
                } else {
                    format!("{tilde}{alt} {rest}")
                };
                patterns.push(parse_pattern(&text)?);
            }
        } else {
            patterns.push(parse_pattern(p)?);
        }
    }
    let signals = entry
        .attributes
        .iter()
        .filter(|(k, _)| *k == "signal")
        .flat_map(|(_, v)| v.split(','))
        .map(|s| s.trim().to_string())
        .collect();
    Ok(VerbEntry {
        id: entry.id.to_string(),
        cameo,
        patterns,
        signals,
        location,
    })
}

#[cfg(test)]
mod tests;
