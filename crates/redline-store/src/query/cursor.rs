//! Positions in the order events are returned in, for keyset pagination.
//!
//! [`Store::events`](crate::Store::events) returns dated events ordered by `(date, id)`, then
//! undated events ordered by `id`. An [`EventCursor`] names one position in that order, and
//! [`EventFilter::after`](crate::EventFilter::after) resumes strictly after it. Unlike an offset,
//! a cursor stays valid while documents are added: a page never repeats or skips an event that
//! was already there.

use serde::Serialize;

use crate::error::{Result, StoreError};

/// A position in the order of [`Store::events`](crate::Store::events): the date (`None` for an
/// undated event) and row id of the last event seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventCursor {
    /// The event's date as stored (first day of its period); `None` for an undated event.
    pub date: Option<String>,
    /// The event's row id.
    pub id: i64,
}

/// Longest piece of a rejected token kept in [`StoreError::BadCursor`].
const MAX_QUOTED: usize = 100;

/// Characters a date may keep as they are in a token: URL-safe, and neither `_` (the separator)
/// nor `~` (the escape).
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '.'
}

impl EventCursor {
    /// The cursor as an opaque, URL-safe token (only `A-Z a-z 0-9 - . _ ~`), for a client to hand
    /// back unchanged. Its format is not part of the interface; only [`EventCursor::decode`] of
    /// this build is promised to read it.
    pub fn encode(&self) -> String {
        // `<date>_<id>` with the date verbatim when it is plain (`2025-03-05_123`), `~` and its
        // UTF-8 bytes in hex when it is not (or is empty), and nothing for no date (`_123`).
        let mut out = String::new();
        match &self.date {
            None => {}
            Some(d) if !d.is_empty() && d.chars().all(plain) => out.push_str(d),
            Some(d) => {
                out.push('~');
                for b in d.bytes() {
                    out.push_str(&format!("{b:02x}"));
                }
            }
        }
        out.push('_');
        out.push_str(&self.id.to_string());
        out
    }

    /// Reads a token written by [`EventCursor::encode`]. Anything else is
    /// [`StoreError::BadCursor`].
    pub fn decode(token: &str) -> Result<EventCursor> {
        let bad = || StoreError::BadCursor {
            cursor: quoted(token),
        };
        let (date, digits) = token.rsplit_once('_').ok_or_else(bad)?;
        let id: i64 = digits.parse().map_err(|_| bad())?;
        // Exactly the digits `encode` writes: no plus sign, no leading zeros.
        if digits != id.to_string() {
            return Err(bad());
        }
        let date = if date.is_empty() {
            None
        } else if let Some(hex) = date.strip_prefix('~') {
            if hex.len() % 2 != 0 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                return Err(bad());
            }
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
                .collect::<std::result::Result<Vec<u8>, _>>()
                .map_err(|_| bad())?;
            let d = String::from_utf8(bytes).map_err(|_| bad())?;
            // `encode` escapes only what it cannot write plainly.
            if !d.is_empty() && d.chars().all(plain) {
                return Err(bad());
            }
            Some(d)
        } else if date.chars().all(plain) {
            Some(date.to_string())
        } else {
            return Err(bad());
        };
        Ok(EventCursor { date, id })
    }
}

/// The token as the error quotes it: cut to a bounded length, so an error never echoes a huge
/// input back.
fn quoted(token: &str) -> String {
    match token.char_indices().nth(MAX_QUOTED) {
        Some((at, _)) => format!("{}...", &token[..at]),
        None => token.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: Option<&str>, id: i64) -> EventCursor {
        EventCursor {
            date: date.map(str::to_string),
            id,
        }
    }

    #[test]
    fn tokens_are_short_and_round_trip() {
        for (cursor, token) in [
            (at(Some("2025-03-05"), 123), "2025-03-05_123"),
            (at(None, 123), "_123"),
            (at(Some(""), 7), "~_7"),
            (at(Some("2025_03"), 1), "~323032355f3033_1"),
            (at(Some("~x"), 1), "~7e78_1"),
            (at(Some("été"), 1), "~c3a974c3a9_1"),
            (at(Some("2025-03-05"), -4), "2025-03-05_-4"),
        ] {
            assert_eq!(cursor.encode(), token);
            assert!(
                token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c)),
                "{token}"
            );
            assert_eq!(EventCursor::decode(token).unwrap(), cursor, "{token}");
        }
    }

    #[test]
    fn anything_else_is_a_bad_cursor() {
        for token in [
            "",
            "123",
            "2025-03-05",
            "2025-03-05_",
            "2025-03-05_x",
            "2025-03-05_+5",
            "2025-03-05_05",
            "2025 03 05_5",
            "~7_5",
            "~zz_5",
            "~41_5",
            "2025/03/05_5",
            "_99999999999999999999",
        ] {
            let err = EventCursor::decode(token).unwrap_err();
            assert!(
                matches!(&err, StoreError::BadCursor { cursor } if cursor == token),
                "{token}: {err}"
            );
            assert!(
                err.to_string()
                    .starts_with("not a cursor from this store: ")
            );
        }
        let long = "x".repeat(1000);
        let StoreError::BadCursor { cursor } = EventCursor::decode(&long).unwrap_err() else {
            panic!("a bad cursor");
        };
        assert_eq!(cursor.len(), MAX_QUOTED + 3);
    }
}
