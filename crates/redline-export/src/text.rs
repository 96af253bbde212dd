//! Small text helpers shared by the formats: TSV cleaning, dates and timestamps.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The value with tabs and line breaks replaced by spaces, so it stays one TSV field.
pub(crate) fn tsv_clean(s: &str) -> Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// A `YYYY-MM-DD` day.
pub(crate) fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// An RFC 3339 timestamp (`2024-03-05T10:20:30Z`, any offset) as UTC `YYYYMMDDHHMMSS`, GDELT's
/// DATEADDED form. A timestamp without offset (`2024-03-05 10:20:30`) is taken as UTC.
pub(crate) fn compact_timestamp(s: &str) -> Option<String> {
    let s = s.trim();
    let utc = match DateTime::parse_from_rfc3339(s) {
        Ok(t) => t.with_timezone(&Utc).naive_utc(),
        Err(_) => NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
            .ok()?,
    };
    Some(utc.format("%Y%m%d%H%M%S").to_string())
}

/// A list field as one value: items joined with `;`.
pub(crate) fn join_list(items: &[String]) -> String {
    items.join(";")
}

/// The host of a URL without a leading `www.` (`https://www.bbc.co.uk/news` -> `bbc.co.uk`), as
/// GDELT names web sources.
pub(crate) fn url_host(url: &str) -> Option<&str> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// `None` for an empty string.
pub(crate) fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_values_stay_on_one_field() {
        assert_eq!(tsv_clean("a\tb\r\nc"), "a b  c");
        assert!(matches!(tsv_clean("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn timestamps_become_utc_digits() {
        assert_eq!(
            compact_timestamp("2024-03-05T10:20:30Z").unwrap(),
            "20240305102030"
        );
        assert_eq!(
            compact_timestamp("2024-03-05T01:20:30+02:00").unwrap(),
            "20240304232030"
        );
        assert_eq!(
            compact_timestamp("2024-03-05 10:20:30").unwrap(),
            "20240305102030"
        );
        assert_eq!(compact_timestamp("yesterday"), None);
    }

    #[test]
    fn hosts_are_read_from_urls() {
        assert_eq!(url_host("https://www.bbc.co.uk/news/x"), Some("bbc.co.uk"));
        assert_eq!(
            url_host("http://user@example.org:8080?q"),
            Some("example.org")
        );
        assert_eq!(url_host("file.txt"), None);
        assert_eq!(url_host("https:///x"), None);
    }
}
