//! The dictionary parser on arbitrary text: never panics, every problem has a line inside the
//! file, and a whole dictionary built from the input loads and validates without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline_dict::{Dictionary, parse_file};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_file("fuzz.rld", text);
    let lines = text.lines().count() as u32;
    for p in &parsed.problems {
        assert!(p.location.line >= 1 && p.location.line <= lines.max(1));
    }
    let loaded = Dictionary::load([("verbs/fuzz.rld", text), ("cameo/codes.tsv", text)]);
    let _ = loaded.dictionary.pattern_count();
});
