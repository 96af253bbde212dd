//! Time expressions on arbitrary token lists: never panics, spans in bounds, ordered and
//! non-overlapping.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use redline_time::{Tense, find, guess_tense};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tokens: Vec<&str> = text.split(' ').collect();
    let published = NaiveDate::from_ymd_opt(2023, 1, 8);
    for tense in [Tense::Past, Tense::Present, Tense::Future, guess_tense(&tokens)] {
        let found = find(&tokens, published, tense);
        let mut last_end = 0;
        for e in &found {
            assert!(e.start < e.end && e.end <= tokens.len());
            assert!(e.start >= last_end);
            last_end = e.end;
        }
    }
});
