//! Feeds arbitrary text to the date and byline parsers.
//!
//! Neither may panic, and a parsed date must survive a round trip through its `Display` form
//! (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): printing it and parsing the result gives the same date at
//! the same precision.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline_docs::meta::{parse_byline, parse_date};

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    let _ = parse_byline(&line);
    if let Some(date) = parse_date(&line) {
        let shown = date.to_string();
        let again = parse_date(&shown);
        assert_eq!(
            again,
            Some(date),
            "{line:?} parsed as {date:?}, shown as {shown:?}, which re-parses as {again:?}"
        );
    }
});
