//! Cleans arbitrary text with each set of `CleanOptions`.
//!
//! Cleaning must not panic, and its output must be normalised: no carriage return, no more than
//! one blank line in a row, no leading or trailing whitespace. With `VERBATIM` (whitespace
//! only) cleaning must also be idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline_docs::clean::{CleanOptions, clean};

const ALL: [(&str, CleanOptions); 3] = [
    ("PAGE_TEXT", CleanOptions::PAGE_TEXT),
    ("EXTRACTED", CleanOptions::EXTRACTED),
    ("VERBATIM", CleanOptions::VERBATIM),
];

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    for (name, options) in ALL {
        let text = clean(&raw, options).text;
        assert!(
            !text.contains('\r'),
            "{name}: carriage return in output {text:?} of {raw:?}"
        );
        assert!(
            !text.contains("\n\n\n"),
            "{name}: more than one blank line in output {text:?} of {raw:?}"
        );
        assert_eq!(
            text.trim(),
            text,
            "{name}: leading or trailing whitespace in output of {raw:?}"
        );
        if options == CleanOptions::VERBATIM {
            let again = clean(&text, options).text;
            assert_eq!(
                again, text,
                "{name}: cleaning is not idempotent for {raw:?}"
            );
        }
    }
});
