//! The header zone of a saved page: section label, title, byline and date lines before the body.

use redline_model::PartialDate;

use super::Removed;
use super::boilerplate::{self, split_stamp};
use super::lines::Line;
use super::markdown::strip_inline_markdown;
use crate::meta::{Byline, parse_byline, parse_date};

/// What the header lines said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The title line.
    pub title: Option<String>,
    /// The byline.
    pub byline: Option<Byline>,
    /// The date line.
    pub date: Option<PartialDate>,
}

/// How many non-blank lines the header may span; a real header is at most label, title,
/// subtitle, byline and date, plus a caption or two.
const MAX_HEADER_LINES: usize = 8;

/// A title is a line of at most this many words; the first line of seed 000 is a whole paragraph
/// and must not become a title.
const MAX_TITLE_WORDS: usize = 30;

/// Reads the header; returns it and the index of the first body line. Consumed lines are recorded
/// in `removed` with their role.
pub(crate) fn extract(lines: &[Line], removed: &mut Vec<Removed>) -> (Header, usize) {
    let mut header = Header::default();
    let mut body_start = 0;
    let mut seen = 0;
    let last_non_blank = lines.iter().rposition(|l| !l.text.is_empty()).unwrap_or(0);
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        seen += 1;
        if seen > MAX_HEADER_LINES {
            break;
        }
        let is_heading = line.text.starts_with("# ");
        let plain = strip_inline_markdown(&line.text);
        let plain = plain.trim();
        let role = if header.title.is_none() && !is_heading && is_section_label(plain) {
            Some("section label")
        } else if header.title.is_none() && is_heading {
            header.title = Some(plain.to_string());
            Some("title")
        } else if let Some(role) = read_byline_or_date(plain, &mut header) {
            Some(role)
        } else if header.title.is_none() && i < last_non_blank && is_title_like(plain) {
            header.title = Some(plain.to_string());
            Some("title")
        } else {
            None
        };
        match role {
            Some(reason) => {
                removed.push(Removed {
                    line: line.number,
                    reason,
                    text: line.text.clone(),
                });
                body_start = i + 1;
            }
            None => break,
        }
    }
    (header, body_start)
}

/// A byline, a date, or both on one line ("Andre Damon • 10 April 2023"). A bare byline counts
/// only after the title, so that a title made of names is not read as a byline.
fn read_byline_or_date(plain: &str, header: &mut Header) -> Option<&'static str> {
    if header.date.is_none()
        && let Some(date) = parse_date(plain)
    {
        header.date = Some(date);
        return Some("date line");
    }
    let lower = plain.to_ascii_lowercase();
    let introduced = lower.starts_with("by ") || lower.starts_with("written by ");
    let byline_allowed = header.byline.is_none() && (header.title.is_some() || introduced);
    if !byline_allowed {
        return None;
    }
    if let Some(byline) = parse_byline(plain) {
        header.byline = Some(byline);
        return Some("byline");
    }
    let (left, right) = split_stamp(plain)?;
    let date = parse_date(right)?;
    let byline = parse_byline(left)?;
    header.byline = Some(byline);
    header.date.get_or_insert(date);
    Some("byline")
}

/// "PERSPECTIVE", "ANALYSIS", "World News": a short all-capitals line or a known section name.
pub(crate) fn is_section_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "analysis",
        "opinion",
        "commentary",
        "perspective",
        "perspectives",
        "editorial",
        "explainer",
        "exclusive",
        "breaking",
        "breaking news",
        "world",
        "world news",
        "news",
        "europe",
        "politics",
        "live",
    ];
    let words = text.split_whitespace().count();
    if words == 0 || words > 4 {
        return false;
    }
    let lower = text.to_lowercase();
    LABELS.contains(&lower.as_str())
        || (text.chars().any(char::is_alphabetic)
            && text
                .chars()
                .all(|c| !c.is_lowercase() && !c.is_ascii_digit())
            && !text.ends_with(['.', '!', '?']))
}

fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MAX_TITLE_WORDS).contains(&words)
        && text.len() <= 250
        && !text.ends_with(':')
        && boilerplate::line_verdict(text, text).is_none()
}
